import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/query/filter/index.ts';
import {
  formatSeconds,
  withResponseTimeRange,
  withoutResponseTimeRange,
} from '../../src/ui/lib/response-time-filter.ts';

describe('response-time-filter', () => {
  describe('withResponseTimeRange', () => {
    it('is the range alone for an empty filter', () => {
      expect(withResponseTimeRange('', 0.25, 0.1)).toBe(
        'responsetime >= 0.1 AND responsetime <= 0.25',
      );
    });

    it('appends the range to a filter', () => {
      expect(withResponseTimeRange('service("orders") { fault }', 0.1, 0.2)).toBe(
        'service("orders") { fault } AND responsetime >= 0.1 AND responsetime <= 0.2',
      );
    });

    it('parenthesises a filter with OR', () => {
      expect(withResponseTimeRange('fault OR error', 1, 2)).toBe(
        '(fault OR error) AND responsetime >= 1 AND responsetime <= 2',
      );
    });

    it('replaces the range an earlier drag added, alone or appended', () => {
      const once = withResponseTimeRange('', 0.1, 0.2);
      expect(withResponseTimeRange(once, 0.3, 0.4)).toBe(
        'responsetime >= 0.3 AND responsetime <= 0.4',
      );
      const twice = withResponseTimeRange(withResponseTimeRange('fault OR error', 1, 2), 3, 4);
      expect(twice).toBe('(fault OR error) AND responsetime >= 3 AND responsetime <= 4');
      const plain = withResponseTimeRange(withResponseTimeRange('fault', 1, 2), 3, 4);
      expect(plain).toBe('fault AND responsetime >= 3 AND responsetime <= 4');
    });

    it('gives expressions the filter language compiles', () => {
      for (const f of ['', 'fault', 'fault OR error', 'service("a") { error }']) {
        expect(() => compileFilter(withResponseTimeRange(f, 0.0125, 1.5))).not.toThrow();
      }
    });
  });

  describe('withoutResponseTimeRange', () => {
    it('leaves a filter without a dragged range unchanged', () => {
      expect(withoutResponseTimeRange(' responsetime > 2 ')).toBe('responsetime > 2');
    });
  });

  describe('formatSeconds', () => {
    it('keeps at most three decimals', () => {
      expect(formatSeconds(0.123456)).toBe('0.123');
      expect(formatSeconds(2)).toBe('2');
    });
  });
});
