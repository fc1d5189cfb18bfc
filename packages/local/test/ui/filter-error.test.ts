import { describe, expect, it } from 'vitest';
import { parseFilterError, splitAtError } from '../../src/ui/lib/filter-error.ts';

describe('filter error', () => {
  describe('parseFilterError', () => {
    it('reads a 0-based "at position N"', () => {
      expect(parseFilterError('expected "}" at position 25', 'service("orders") { fault')).toEqual({
        message: 'expected "}" at position 25',
        position: 25,
      });
    });
    it('reads a 1-based column', () => {
      expect(parseFilterError('syntax error (column 3)', 'a b c').position).toBe(2);
    });
    it('clamps the position to the expression', () => {
      expect(parseFilterError('bad at position 99', 'abc').position).toBe(3);
    });
    it('has no position when the message names none', () => {
      expect(
        parseFilterError('filter expressions are not available', 'x').position,
      ).toBeUndefined();
    });
  });

  describe('splitAtError', () => {
    it('splits around the character at the position', () => {
      expect(splitAtError('ok AND )', 7)).toEqual({ before: 'ok AND ', at: ')', after: '' });
    });
    it('marks a space at the end of the expression', () => {
      expect(splitAtError('fault AND', 9)).toEqual({ before: 'fault AND', at: ' ', after: '' });
    });
  });
});
