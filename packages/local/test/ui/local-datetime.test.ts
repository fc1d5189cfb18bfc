import { describe, expect, it } from 'vitest';
import { customRange, fromLocalInput, toLocalInput } from '../../src/ui/lib/local-datetime.ts';

/** 2024-12-04T18:40:00Z */
const T = 1_733_337_600;

describe('local date-time inputs', () => {
  describe('toLocalInput', () => {
    it('writes the wall-clock minute in the viewer’s zone', () => {
      expect(toLocalInput(T, 0)).toBe('2024-12-04T18:40');
      expect(toLocalInput(T, 60)).toBe('2024-12-04T19:40');
      expect(toLocalInput(T, -19 * 60)).toBe('2024-12-03T23:40');
      expect(toLocalInput(T + 59.9, 0)).toBe('2024-12-04T18:40');
    });
  });

  describe('fromLocalInput', () => {
    it('reads an input value back as epoch seconds', () => {
      expect(fromLocalInput('2024-12-04T19:40', 60)).toBe(T);
      expect(fromLocalInput('2024-12-04T18:40:30', 0)).toBe(T + 30);
      expect(fromLocalInput(toLocalInput(T, 330), 330)).toBe(T);
    });

    it('gives undefined for an empty, malformed or impossible value', () => {
      expect(fromLocalInput('', 0)).toBeUndefined();
      expect(fromLocalInput('yesterday', 0)).toBeUndefined();
      expect(fromLocalInput('2024-02-30T10:00', 0)).toBeUndefined();
    });
  });

  describe('customRange', () => {
    it('gives the absolute range of two values', () => {
      expect(customRange('2024-12-04T18:40', '2024-12-05T18:40', 0)).toEqual({
        kind: 'absolute',
        from: T,
        to: T + 86_400,
      });
    });

    it('gives undefined when an end is missing or `to` is not after `from`', () => {
      expect(customRange('2024-12-04T18:40', '', 0)).toBeUndefined();
      expect(customRange('2024-12-04T18:40', '2024-12-04T18:40', 0)).toBeUndefined();
      expect(customRange('2024-12-05T18:40', '2024-12-04T18:40', 0)).toBeUndefined();
    });
  });
});
