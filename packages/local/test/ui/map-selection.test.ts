import { describe, expect, it } from 'vitest';
import { selectedStats } from '../../src/ui/lib/map-selection.ts';
import type { Service } from '../../src/ui/lib/wire-types.ts';

const stats = { TotalCount: 4, OkCount: 4 };
const services: Service[] = [
  { ReferenceId: 0, Name: 'orders', Type: 'client', Edges: [{ ReferenceId: 1 }] },
  {
    ReferenceId: 1,
    Name: 'orders',
    Type: 'AWS::ECS::Container',
    SummaryStatistics: stats,
    ResponseTimeHistogram: [{ Value: 0.1, Count: 4 }],
    Edges: [
      { ReferenceId: 2, SummaryStatistics: stats, ResponseTimeHistogram: [{ Value: 2, Count: 1 }] },
    ],
  },
  { ReferenceId: 2, Name: 'order-events', Type: 'AWS::SNS::Topic' },
];

describe('map-selection', () => {
  describe('selectedStats', () => {
    it('finds a node’s statistics, histogram and service filter', () => {
      expect(selectedStats(services, { kind: 'node', key: '1' })).toEqual({
        kind: 'node',
        title: 'orders',
        stats,
        histogram: [{ Value: 0.1, Count: 4 }],
        filter: 'service("orders")',
      });
    });

    it('finds an edge on its caller, with an edge filter', () => {
      const edge = selectedStats(services, { kind: 'edge', from: '1', to: '2' });
      expect(edge?.title).toBe('orders → order-events');
      expect(edge?.histogram).toEqual([{ Value: 2, Count: 1 }]);
      expect(edge?.filter).toBe('edge("orders", "order-events")');
    });

    it('names the client and filters its edge by the callee', () => {
      expect(selectedStats(services, { kind: 'node', key: '0' })?.title).toBe('Client');
      expect(selectedStats(services, { kind: 'edge', from: '0', to: '1' })?.filter).toBe(
        'service("orders")',
      );
    });

    it('is undefined when the graph no longer has the selection', () => {
      expect(selectedStats(services, { kind: 'node', key: '9' })).toBeUndefined();
      expect(selectedStats(services, { kind: 'edge', from: '2', to: '1' })).toBeUndefined();
      expect(selectedStats(services, undefined)).toBeUndefined();
    });
  });
});
