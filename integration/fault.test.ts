import { describe, it, expect } from 'vitest';
import { GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import { registerMatchers, type TraceNode } from '@otel-xray/testing';
import { MAX_RECEIVE_COUNT } from '@otel-xray-services/kit';
import { useOrderSystem } from './support/order-system.ts';
import { placeOrder } from './support/orders-api.ts';
import { headerFields, receiveMatching, sendRaw } from './support/queues.ts';
import { waitForTree } from './support/trees.ts';

registerMatchers();

const inventorySegments = (nodes: readonly TraceNode[]): TraceNode[] =>
  nodes.filter((n) => n.service === 'inventory' && n.kind === 'segment' && !n.inferred);

describe('poison order', () => {
  const ctx = useOrderSystem('fault');
  let traceId = '';
  let goodTraceId = '';

  describe('an order for a SKU inventory does not carry', () => {
    it('faults in inventory once per receive, with the cause, until the message is dead-lettered', async () => {
      const good = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-good',
        lines: [{ sku: 'sku-pear', qty: 1 }],
      });
      goodTraceId = good.traceId;
      const placed = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-poison',
        lines: [{ sku: 'sku-unobtainium', qty: 1 }],
      });
      expect(placed.status).toBe(201); // accepted: the failure happens downstream
      traceId = placed.traceId;
      const attempt = {
        service: 'inventory',
        kind: 'segment' as const,
        fault: true,
        annotations: { order_id: placed.body.id },
        children: [{ name: 'validate_inventory', fault: true }],
      };
      const trace = await waitForTree(
        'fault',
        traceId,
        {
          service: 'orders',
          http: { status: 201 },
          fault: false,
          children: [
            {
              operation: 'Publish',
              children: [
                {
                  name: 'SNS',
                  origin: 'AWS::SNS',
                  children: Array(MAX_RECEIVE_COUNT).fill(attempt),
                },
              ],
            },
          ],
        },
        { xray: ctx.client, since: placed.endedAt },
      );
      const attempts = inventorySegments(trace.nodes);
      expect(attempts).toHaveLength(MAX_RECEIVE_COUNT);
      // never sent on: no shipping segment, no SendMessage from inventory
      expect(trace.services).not.toContain('shipping');
      const docs = trace.documents.filter((d) => attempts.some((a) => a.id === d.id));
      for (const doc of docs) {
        const cause = doc.cause as { exceptions?: Array<{ message?: string; type?: string }> };
        expect(cause.exceptions?.[0]).toMatchObject({
          message: 'unknown SKU sku-unobtainium',
          type: 'UnknownSkuError',
        });
      }
      const receiveCounts = docs
        .map((d) => (d.metadata as { default?: Record<string, unknown> } | undefined)?.default)
        .map((m) => m?.['aws.sqs.receive_count'])
        .sort();
      expect(receiveCounts).toEqual([1, 2, 3].slice(0, MAX_RECEIVE_COUNT));
    });

    it("leaves the message in the DLQ with the original trace's AWSTraceHeader", async () => {
      const message = await receiveMatching(ctx.system.provisioned.queues.inventoryDlq.url, (m) =>
        (m.Body ?? '').includes('sku-unobtainium'),
      );
      const fields = headerFields(message.Attributes?.AWSTraceHeader);
      expect(fields.Root).toBe(traceId);
      expect(fields.Sampled).toBe('1');
      expect(message.Attributes?.DeadLetterQueueSourceArn).toBe(
        ctx.system.provisioned.queues.inventory.arn,
      );
      expect(Number(message.Attributes?.ApproximateReceiveCount)).toBeGreaterThan(
        MAX_RECEIVE_COUNT,
      );
    });

    it('is the only trace GetTraceSummaries finds for service("inventory") { fault }', async () => {
      const out = await ctx.client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(Date.now() + 60_000),
          FilterExpression: 'service("inventory") { fault }',
        }),
      );
      expect(out.TraceSummaries?.map((s) => s.Id)).toEqual([traceId]);
      const all = await ctx.client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(Date.now() + 60_000),
          FilterExpression: 'service("inventory")',
        }),
      );
      expect(all.TraceSummaries?.map((s) => s.Id).sort()).toEqual([goodTraceId, traceId].sort());
    });
  });

  describe('a message a consumer cannot use', () => {
    it('goes to the DLQ at once with the reason, and the consumer keeps going', async () => {
      const { queues } = ctx.system.provisioned;
      await sendRaw(queues.inventory.url, 'this is not JSON');
      await sendRaw(queues.shipping.url, JSON.stringify({ type: 'ReserveShipment' }));
      const inv = await receiveMatching(
        queues.inventoryDlq.url,
        (m) => m.Body === 'this is not JSON',
      );
      expect(inv.MessageAttributes?.reason?.StringValue).toBe('body is not JSON');
      expect(Number(inv.Attributes?.ApproximateReceiveCount)).toBe(1); // no retries first
      const ship = await receiveMatching(queues.shippingDlq.url, (m) =>
        (m.Body ?? '').includes('ReserveShipment'),
      );
      expect(ship.MessageAttributes?.reason?.StringValue).toBe('orderId missing');
      // both consumers are still alive and serving
      const after = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-after',
        lines: [{ sku: 'sku-fig', qty: 1 }],
      });
      await waitForTree(
        'after bad messages',
        after.traceId,
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
                          operation: 'SendMessage',
                          children: [{ children: [{ service: 'shipping' }] }],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { xray: ctx.client, since: after.endedAt },
      );
      expect(
        ctx.system.services.inventory.logs.some(
          (l) => l.msg === 'unusable message sent to the DLQ',
        ),
      ).toBe(true);
    });
  });
});
