import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BatchGetTracesCommand, GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import { registerMatchers } from '@otel-xray/testing';
import type { LogLine } from '@otel-xray-services/kit/system';
import { useOrderSystem } from './support/order-system.ts';
import { placeOrder } from './support/orders-api.ts';
import { headerFields } from './support/queues.ts';
import { waitForTree } from './support/trees.ts';

registerMatchers();

/** A fresh X-Ray trace ID for now. */
function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `1-${epoch}-${randomBytes(12).toString('hex')}`;
}

describe('a request that arrives with Sampled=0', () => {
  const ctx = useOrderSystem('unsampled');
  const root = newTraceId();
  let orderId = '';

  it('is served, and the header travels through SNS, SQS and HTTP with Sampled=0', async () => {
    const placed = await placeOrder(
      ctx.system.ordersUrl,
      { customerId: 'c-quiet', customerTier: 'enterprise', lines: [{ sku: 'sku-kiwi', qty: 1 }] },
      { 'X-Amzn-Trace-Id': `Root=${root};Parent=53995c3f42cd8ad8;Sampled=0` },
    );
    expect(placed.status).toBe(201);
    expect(placed.traceId).toBe(root);
    orderId = placed.body.id;
    const about = (msg: string) => (l: LogLine) => l.msg === msg && l.orderId === orderId;
    const { inventory, shipping, audit, orders } = ctx.system.services;
    const reserved = await inventory.waitForLog(about('stock reserved'));
    const audited = await audit.waitForLog(about('order audited'));
    const booked = await shipping.waitForLog(about('shipment booked'));
    const shipped = await orders.waitForLog(about('order shipped'));
    expect(reserved).toBeDefined();
    // SNS → audit (raw delivery), SQS → shipping, and shipping's HTTP callback all carry the
    // same trace, still not sampled
    for (const header of [audited.traceHeader, booked.traceHeader, shipped.traceHeader]) {
      expect(headerFields(String(header))).toMatchObject({ Root: root, Sampled: '0' });
    }
  });

  it('records nothing in any service', async () => {
    // A sampled request afterwards is a barrier: each service exports in order, so once this
    // trace is complete, anything recorded for the unsampled one would have arrived before it.
    const barrier = await placeOrder(ctx.system.ordersUrl, {
      customerId: 'c-loud',
      lines: [{ sku: 'sku-kiwi', qty: 1 }],
    });
    await waitForTree(
      'sampled barrier',
      barrier.traceId,
      {
        service: 'orders',
        children: [
          {
            operation: 'Publish',
            children: [
              {
                children: [
                  { service: 'audit' },
                  {
                    service: 'inventory',
                    children: [
                      {
                        operation: 'SendMessage',
                        children: [
                          {
                            children: [
                              {
                                service: 'shipping',
                                children: [{ children: [{ service: 'orders' }] }],
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
        ],
      },
      { xray: ctx.client, since: barrier.endedAt },
    );
    const byId = await ctx.client.send(new BatchGetTracesCommand({ TraceIds: [root] }));
    expect(byId.Traces ?? []).toEqual([]);
    expect(byId.UnprocessedTraceIds).toEqual([root]);
    const summaries = await ctx.client.send(
      new GetTraceSummariesCommand({
        StartTime: new Date(Date.now() - 600_000),
        EndTime: new Date(Date.now() + 60_000),
      }),
    );
    expect(summaries.TraceSummaries?.map((s) => s.Id)).toEqual([barrier.traceId]);
    const annotated = await ctx.client.send(
      new GetTraceSummariesCommand({
        StartTime: new Date(Date.now() - 600_000),
        EndTime: new Date(Date.now() + 60_000),
        FilterExpression: `annotation.order_id = "${orderId}"`,
      }),
    );
    expect(annotated.TraceSummaries).toEqual([]);
  });
});
