import { describe, expect, it } from 'vitest';
import { formatRate, histogramPercentile, panelNumbers } from '../../src/ui/lib/percentiles.ts';

describe('percentiles', () => {
  describe('histogramPercentile', () => {
    it('takes the nearest rank over the counts', () => {
      const h = [
        { Value: 2, Count: 1 },
        { Value: 0.1, Count: 9 },
      ];
      expect(histogramPercentile(h, 50)).toBe(0.1);
      expect(histogramPercentile(h, 90)).toBe(0.1);
      expect(histogramPercentile(h, 91)).toBe(2);
      expect(histogramPercentile(h, 99)).toBe(2);
    });

    it('agrees with sorting the expanded values', () => {
      const h = Array.from({ length: 37 }, (_, i) => ({ Value: i / 10, Count: (i * 7) % 5 }));
      const values = h.flatMap((e) => new Array<number>(e.Count).fill(e.Value));
      values.sort((a, b) => a - b);
      for (const p of [1, 25, 50, 75, 90, 99, 100]) {
        expect(histogramPercentile(h, p)).toBe(values[Math.ceil((p / 100) * values.length) - 1]);
      }
    });

    it('is undefined for an empty or missing histogram and skips zero counts', () => {
      expect(histogramPercentile([], 50)).toBeUndefined();
      expect(histogramPercentile(undefined, 50)).toBeUndefined();
      expect(histogramPercentile([{ Value: 5, Count: 0 }], 50)).toBeUndefined();
      expect(
        histogramPercentile(
          [
            { Value: 5, Count: 0 },
            { Value: 1, Count: 1 },
          ],
          99,
        ),
      ).toBe(1);
    });
  });

  describe('panelNumbers', () => {
    it('derives rates and percentiles from statistics and a histogram', () => {
      const n = panelNumbers(
        {
          OkCount: 6,
          ErrorStatistics: { ThrottleCount: 1, OtherCount: 1, TotalCount: 2 },
          FaultStatistics: { OtherCount: 2, TotalCount: 2 },
          TotalCount: 10,
          TotalResponseTime: 5,
        },
        [
          { Value: 0.2, Count: 5 },
          { Value: 0.5, Count: 4 },
          { Value: 3, Count: 1 },
        ],
      );
      expect(n).toEqual({
        requests: 10,
        okRate: 0.6,
        errorRate: 0.2,
        throttleRate: 0.1,
        faultRate: 0.2,
        mean: 0.5,
        p50: 0.2,
        p90: 0.5,
        p99: 3,
      });
    });

    it('gives zero rates without requests', () => {
      const n = panelNumbers(undefined, undefined);
      expect(n.requests).toBe(0);
      expect(n.faultRate).toBe(0);
      expect(n.mean).toBeUndefined();
    });
  });

  describe('formatRate', () => {
    it('prints a percentage with one decimal', () => {
      expect(formatRate(0.125)).toBe('12.5 %');
    });
  });
});
