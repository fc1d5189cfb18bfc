import { describe, expect, it } from 'vitest';
import { bucketSummaries } from '../../src/ui/lib/time-buckets.ts';

describe('time-buckets', () => {
  describe('bucketSummaries', () => {
    it('counts requests and faults (root or root cause) per equal bucket of the window', () => {
      const b = bucketSummaries(
        [
          { StartTime: 100 },
          { StartTime: 104, HasFault: true },
          { StartTime: 109.9, FaultRootCauses: [{}] },
          { StartTime: 99 },
          { StartTime: 110 },
          {},
        ],
        100,
        110,
        2,
      );
      expect(b).toEqual({ start: 100, width: 5, requests: [2, 1], faults: [1, 1] });
    });
  });
});
