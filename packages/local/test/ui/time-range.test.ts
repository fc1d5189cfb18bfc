import { describe, expect, it } from 'vitest';
import { rangeBounds, rangeLabel, spansDays } from '../../src/ui/lib/time-range.ts';

describe('time range', () => {
  describe('rangeBounds', () => {
    it('ends a relative range a minute past now', () => {
      expect(rangeBounds({ kind: 'relative', minutes: 15 }, 10_000)).toEqual([9_100, 10_060]);
    });
    it('keeps an absolute range as it is', () => {
      expect(rangeBounds({ kind: 'absolute', from: 5, to: 9 }, 10_000)).toEqual([5, 9]);
    });
  });
  describe('rangeLabel', () => {
    it('names relative ranges in their largest whole unit', () => {
      expect(
        [90, 120, 2880].map((minutes) => rangeLabel({ kind: 'relative', minutes }, 0)),
      ).toEqual(['last 90 min', 'last 2 h', 'last 2 d']);
    });
    it('shows both ends of an absolute range with dates in the viewer’s zone', () => {
      expect(rangeLabel({ kind: 'absolute', from: 1_796_590_800, to: 1_796_594_400 }, 60)).toBe(
        '2026-12-06 22:00:00 – 2026-12-06 23:00:00',
      );
    });
  });

  describe('spansDays', () => {
    // 2024-12-04T18:40:00Z
    const t = 1_733_337_600;

    it('says whether the range crosses midnight in the viewer’s zone', () => {
      expect(spansDays(t - 900, t, 0)).toBe(false);
      expect(spansDays(t - 900, t, 320)).toBe(true); // 23:45 – 00:00
      expect(spansDays(t - 3 * 86_400, t, 0)).toBe(true);
    });
  });
});
