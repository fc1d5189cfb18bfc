import { describe, expect, it } from 'vitest';
import { binAt, binEntries, binRange, binValues } from '../../src/ui/lib/histogram.ts';

describe('histogram', () => {
  describe('binValues', () => {
    it('puts values into equal bins from the smallest to the largest, the largest in the last', () => {
      const bins = binValues([0.5, 0.75, 1, 1.5, 1.5], 4);
      expect(bins).toEqual({ lo: 0.5, width: 0.25, counts: [1, 1, 1, 2] });
    });

    it('skips negative and non-finite values, and gives no bin without values', () => {
      expect(binValues([Number.NaN, -1, Number.POSITIVE_INFINITY], 10).counts).toEqual([]);
      expect(binValues([0.2, -1], 10).counts).toEqual([1]);
    });

    it('keeps bins at least a millisecond wide (fewer bins when the spread is small)', () => {
      const bins = binValues([0.1, 0.1005, 0.1015], 40);
      expect(bins.width).toBe(0.001);
      expect(bins.counts).toEqual([2, 1]);
    });

    it('counts every value once for a large varied set', () => {
      const values = Array.from({ length: 10_000 }, (_, i) => (i % 977) / 100);
      const bins = binValues(values, 50);
      expect(bins.counts).toHaveLength(50);
      expect(bins.counts.reduce((a, b) => a + b)).toBe(10_000);
    });
  });

  describe('binAt', () => {
    it('maps a fraction of the width to a bin, clamped', () => {
      const bins = binValues([0, 1], 10);
      expect(binAt(bins, 0)).toBe(0);
      expect(binAt(bins, 0.55)).toBe(5);
      expect(binAt(bins, 1)).toBe(9);
      expect(binAt(bins, 7)).toBe(9);
      expect(binAt(bins, -3)).toBe(0);
    });
  });

  describe('binRange', () => {
    it('gives the seconds covered by a span of bins in either order, widened to whole ms', () => {
      const bins = binValues([0.0104, 1.0104], 10);
      expect(binRange(bins, 2, 4)).toEqual({ from: 0.21, to: 0.511 });
      expect(binRange(bins, 4, 2)).toEqual(binRange(bins, 2, 4));
      expect(binRange(bins, 0, 9)).toEqual({ from: 0.01, to: 1.011 });
    });
  });
});

describe('histogram of a GetServiceGraph histogram', () => {
  describe('binEntries', () => {
    it('weights each value by its count and skips empty entries', () => {
      const bins = binEntries(
        [
          { value: 0.5, count: 3 },
          { value: 1.5, count: 2 },
          { value: 9, count: 0 },
        ],
        2,
      );
      expect(bins).toEqual({ lo: 0.5, width: 0.5, counts: [3, 2] });
    });
  });
});
