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
            name: 'SNS',
            origin: 'AWS::SNS',
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
                        name: 'SQS',
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
  const ctx = useOrderSystem('flow');

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
  });

  describe('fan-out', () => {
    it('puts both subscribers of the topic in the same trace, children of the one Publish', async () => {
      const placed = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-2',
        lines: [{ sku: 'sku-fig', qty: 1 }],
      });
      const trace = await waitForTree(
        'fan-out',
        placed.traceId,
        {
          service: 'orders',
          children: [
            {
              operation: 'Publish',
              children: [
                {
                  name: 'SNS',
                  origin: 'AWS::SNS',
                  children: [
                    { service: 'inventory', kind: 'segment' },
                    {
                      service: 'audit',
                      kind: 'segment',
                      annotations: { order_id: placed.body.id },
                    },
                  ],
                },
              ],
            },
          ],
        },
        { xray: ctx.client, since: placed.endedAt, services: ['orders', 'inventory', 'audit'] },
      );
      const publish = trace.nodes.find((n) => n.aws?.operation === 'Publish')!;
      const subscribers = trace.nodes.filter(
        (n) =>
          n.kind === 'segment' &&
          !n.inferred &&
          (n.service === 'inventory' || n.service === 'audit'),
      );
      expect(subscribers.map((n) => [n.service, n.parentId, n.traceId]).sort()).toEqual([
        ['audit', publish.id, trace.id],
        ['inventory', publish.id, trace.id],
      ]);
      // audit's queue has raw delivery, inventory's the SNS envelope: the header reached both
      const audited = await ctx.system.services.audit.waitForLog(
        (l) => l.orderId === placed.body.id,
      );
      expect(audited.traceHeader).toBe(`Root=${trace.id};Parent=${publish.id};Sampled=1`);
    });
  });

  describe('a multi-line order', () => {
    it('reaches shipping as one SendMessageBatch: one linked consumer segment per line', async () => {
      const lines = [
        { sku: 'sku-apple', qty: 1 },
        { sku: 'sku-pear', qty: 2 },
        { sku: 'sku-fig', qty: 3 },
      ];
      const placed = await placeOrder(ctx.system.ordersUrl, { customerId: 'c-3', lines });
      const shipment = {
        service: 'shipping',
        kind: 'segment' as const,
        children: [
          { namespace: 'remote', children: [{ service: 'orders', http: { status: 200 } }] },
        ],
      };
      const trace = await waitForTree(
        'batch',
        placed.traceId,
        {
          service: 'orders',
          children: [
            {
              operation: 'Publish',
              children: [
                {
                  children: [
                    {
                      service: 'inventory',
                      children: [
                        {
                          namespace: 'aws',
                          operation: 'SendMessageBatch',
                          children: [
                            {
                              name: 'SQS',
                              origin: 'AWS::SQS::Queue',
                              children: lines.map(() => shipment),
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
        { xray: ctx.client, since: placed.endedAt },
      );
      const batch = trace.nodes.find((n) => n.aws?.operation === 'SendMessageBatch')!;
      const consumers = trace.documents.filter((d) => d.name === 'shipping');
      expect(consumers).toHaveLength(lines.length);
      for (const doc of consumers) {
        expect(doc.parent_id).toBe(batch.id);
        expect(doc.links).toEqual([{ id: batch.id, trace_id: trace.id }]);
      }
      const callbacks = trace.nodes.filter((n) => n.service === 'orders' && n.kind === 'segment');
      expect(callbacks).toHaveLength(1 + lines.length);
    });
  });

  describe('the service graph', () => {
    it('draws client → orders → SNS → inventory → SQS → shipping → orders in the service graph', async () => {
      const graph = await ctx.client.send(
        new GetServiceGraphCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(Date.now() + 60_000),
        }),
      );
      expect(graph).toHaveServiceGraphEdge('client', 'orders');
      expect(graph).toHaveServiceGraphEdge('orders', { name: 'SNS', type: 'AWS::SNS' });
      expect(graph).toHaveServiceGraphEdge({ name: 'SNS', type: 'AWS::SNS' }, 'inventory');
      expect(graph).toHaveServiceGraphEdge('inventory', { name: 'SQS', type: 'AWS::SQS::Queue' });
      expect(graph).toHaveServiceGraphEdge({ type: 'AWS::SQS::Queue' }, 'shipping');
      expect(graph).toHaveServiceGraphEdge('shipping', 'orders', { fault: false });
      // the fan-out branch: the topic's second subscriber
      expect(graph).toHaveServiceGraphEdge({ name: 'SNS', type: 'AWS::SNS' }, 'audit');
    });
  });
});
