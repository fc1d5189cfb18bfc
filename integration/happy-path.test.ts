import { describe, it, expect } from 'vitest';
import { GetServiceGraphCommand } from '@aws-sdk/client-xray';
import { registerMatchers, type ExpectedNode } from '@otel-xray/testing';
import { useOrderSystem } from './support/order-system.ts';
import { placeOrder } from './support/orders-api.ts';
import { waitForTree } from './support/trees.ts';

registerMatchers();

/** The whole flow of one order, as X-Ray shows it. */
function orderFlow(orderId: string): ExpectedNode {
  return {
    service: 'orders',
    kind: 'segment',
    http: { method: 'POST', status: 201 },
    annotations: { order_id: orderId, customer_tier: 'gold' },
    children: [
      {
        namespace: 'aws',
        operation: 'Publish',
        children: [
          {
            inferred: true,
            origin: 'AWS::SNS::Topic',
            children: [
              {
                service: 'inventory',
                kind: 'segment',
                fault: false,
                annotations: { order_id: orderId },
                children: [
                  { name: 'validate_inventory', kind: 'subsegment' },
                  {
                    namespace: 'aws',
                    operation: 'SendMessage',
                    children: [
                      {
                        inferred: true,
                        origin: 'AWS::SQS::Queue',
                        children: [
                          {
                            service: 'shipping',
                            kind: 'segment',
                            annotations: { order_id: orderId },
                            children: [
                              {
                                namespace: 'remote',
                                http: { method: 'POST', url: /\/orders\/[^/]+\/shipped$/ },
                                children: [
                                  {
                                    service: 'orders',
                                    kind: 'segment',
                                    http: { method: 'POST', status: 200 },
                                  },
                                ],
                              },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
              { service: 'audit', kind: 'segment', annotations: { order_id: orderId } },
            ],
          },
        ],
      },
    ],
  };
}

describe('order flow', () => {
  const ctx = useOrderSystem('happy');

  describe('one POST /orders', () => {
    it('becomes one trace across orders, SNS, inventory, SQS, shipping and back to orders', async () => {
      const placed = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-1',
        customerTier: 'gold',
        lines: [{ sku: 'sku-apple', qty: 2 }],
      });
      expect(placed.status).toBe(201);
      const expected = orderFlow(placed.body.id);
      const trace = await waitForTree('happy path', placed.traceId, expected, {
        xray: ctx.client,
        since: placed.endedAt,
        services: ['orders', 'inventory', 'shipping', 'audit'],
      });
      expect(trace).toHaveTraceTree(expected);
      expect(trace).toBeOneTrace();
      expect(trace.services.sort()).toEqual(['audit', 'inventory', 'orders', 'shipping']);
      expect(trace.roots).toHaveLength(1);
    });

    it('draws client → orders → SNS → inventory → SQS → shipping → orders in the service graph', async () => {
      const graph = await ctx.client.send(
        new GetServiceGraphCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(Date.now() + 60_000),
        }),
      );
      expect(graph).toHaveServiceGraphEdge('client', 'orders');
      expect(graph).toHaveServiceGraphEdge('orders', { type: 'AWS::SNS::Topic' });
      expect(graph).toHaveServiceGraphEdge({ type: 'AWS::SNS::Topic' }, 'inventory');
      expect(graph).toHaveServiceGraphEdge('inventory', { type: 'AWS::SQS::Queue' });
      expect(graph).toHaveServiceGraphEdge({ type: 'AWS::SQS::Queue' }, 'shipping');
      expect(graph).toHaveServiceGraphEdge('shipping', 'orders', { fault: false });
      // the fan-out branch: the topic's second subscriber
      expect(graph).toHaveServiceGraphEdge({ type: 'AWS::SNS::Topic' }, 'audit');
    });
  });
});
