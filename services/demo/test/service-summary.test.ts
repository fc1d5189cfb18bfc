import { describe, it, expect } from 'vitest';
import {
  formatServiceTable,
  histogramQuantile,
  summarizeServices,
} from '../src/service-summary.ts';

describe('service-summary', () => {
  describe('histogramQuantile', () => {
    it('returns the smallest value whose cumulative count reaches the quantile', () => {
      const h = [
        { Value: 0.3, Count: 1 },
        { Value: 0.1, Count: 8 },
        { Value: 0.2, Count: 1 },
      ];
      expect(histogramQuantile(h, 0.5)).toBe(0.1);
      expect(histogramQuantile(h, 0.85)).toBe(0.2);
      expect(histogramQuantile(h, 0.99)).toBe(0.3);
    });

    it('is undefined for an empty histogram and ignores entries without a count', () => {
      expect(histogramQuantile([], 0.5)).toBeUndefined();
      expect(histogramQuantile([{ Value: 1, Count: 0 }, { Value: 2 }], 0.5)).toBeUndefined();
    });
  });

  describe('summarizeServices', () => {
    it('computes rates per node, drops the client and lists services before inferred resources', () => {
      const rows = summarizeServices([
        { Name: 'orders', Type: 'client' },
        {
          Name: 'q',
          Type: 'AWS::SQS::Queue',
          SummaryStatistics: { TotalCount: 2 },
        },
        {
          Name: 'inventory',
          SummaryStatistics: {
            TotalCount: 4,
            FaultStatistics: { TotalCount: 1 },
            ErrorStatistics: { TotalCount: 2 },
          },
          ResponseTimeHistogram: [{ Value: 0.01, Count: 4 }],
        },
      ]);
      expect(rows).toEqual([
        {
          name: 'inventory',
          type: 'service',
          requests: 4,
          errorRate: 0.5,
          faultRate: 0.25,
          p50: 0.01,
          p99: 0.01,
        },
        {
          name: 'q',
          type: 'AWS::SQS::Queue',
          requests: 2,
          errorRate: 0,
          faultRate: 0,
          p50: undefined,
          p99: undefined,
        },
      ]);
    });
  });

  describe('formatServiceTable', () => {
    it('aligns the columns and writes percentages and durations', () => {
      const text = formatServiceTable([
        {
          name: 'orders',
          type: 'service',
          requests: 11,
          errorRate: 1 / 11,
          faultRate: 0,
          p50: 0.009,
          p99: 1.5,
        },
      ]);
      expect(text.split('\n')).toEqual([
        'node    type     requests  errors  faults     p50     p99',
        'orders  service        11   9.1 %   0.0 %  9.0 ms  1.50 s',
      ]);
    });
  });
});
