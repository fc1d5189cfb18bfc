import { describe, expect, it } from 'vitest';
import { StatsAccumulator } from '../../src/query/statistics.ts';

describe('StatsAccumulator', () => {
  describe('statistics', () => {
    it('counts ok, errors, throttles and faults with fault precedence, and skips in-progress samples', () => {
      const acc = new StatsAccumulator();
      acc.add({ start: 10, end: 10.5, error: false, fault: false, throttle: false });
      acc.add({ start: 11, end: 11.25, error: true, fault: false, throttle: true });
      acc.add({ start: 12, end: 12.25, error: true, fault: false, throttle: false });
      acc.add({ start: 13, end: 14, error: true, fault: true, throttle: false });
      acc.add({ start: 15, error: false, fault: false, throttle: false });
      expect(acc.statistics()).toEqual({
        OkCount: 1,
        ErrorStatistics: { ThrottleCount: 1, OtherCount: 1, TotalCount: 2 },
        FaultStatistics: { OtherCount: 1, TotalCount: 1 },
        TotalCount: 4,
        TotalResponseTime: 2,
      });
      expect(acc.histogram()).toEqual([
        { Value: 0.5, Count: 1 },
        { Value: 0.25, Count: 2 },
        { Value: 1, Count: 1 },
      ]);
      expect(acc.times()).toEqual({ StartTime: 10, EndTime: 14 });
    });
  });
});
