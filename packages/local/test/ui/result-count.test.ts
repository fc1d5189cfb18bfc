import { describe, expect, it } from 'vitest';
import { nextShown, resultCount } from '../../src/ui/lib/result-count.ts';

describe('result count', () => {
  describe('resultCount', () => {
    it('says N of M when not every match is shown', () => {
      expect(resultCount(100, 606, true)).toBe('100 of 606 traces');
      expect(resultCount(100, 10_606, true)).toBe('100 of 10,606 traces');
    });
    it('marks a total still being counted', () => {
      expect(resultCount(100, 500, false)).toBe('100 of 500+ traces');
      expect(resultCount(100, 1, false)).toBe('1 of 1+ traces');
    });
    it('gives the plain count when everything is shown', () => {
      expect(resultCount(100, 42, true)).toBe('42 traces');
      expect(resultCount(100, 1, true)).toBe('1 trace');
      expect(resultCount(100, 0, true)).toBe('0 traces');
    });
  });

  describe('nextShown', () => {
    it('adds a step up to the total', () => {
      expect(nextShown(100, 100, 606)).toBe(200);
      expect(nextShown(600, 100, 606)).toBe(606);
    });
  });
});
