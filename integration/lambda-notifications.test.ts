// The notifications step as a Lambda function: orders → SNS → notifications queue → local SQS
// event-source mapping → the function under aws-lambda-ric. Its batches are traces of their own,
// like Lambda's: AWS::Lambda → AWS::Lambda::Function → the handler's subsegments, linked back to
// the order's SNS publish (a link edge SNS → notifications on the map), and undeliverable
// notifications reach the DLQ after maxReceiveCount.
// The same suite runs on either Lambda target (see lambdaTargetOfRun): on LocalStack's own Lambda
// (container mode, a Docker engine answering) the mapping polls inside LocalStack and the Lambda
// segments are LocalStack's, so the assertions only the local runner can satisfy (its batches,
// its facade segments and their link to the order) run on the local runner only, with the reason
// printed when they are gated.
import { describe, it, expect } from 'vitest';
import { BatchGetTracesCommand, GetServiceGraphCommand } from '@aws-sdk/client-xray';
import type { SegmentDocument } from '@otel-xray/core';
import { registerMatchers, type ExpectedNode } from '@otel-xray/testing';
import type { SqsBatchReport } from '@otel-xray/testing';
import { MAX_RECEIVE_COUNT } from '@otel-xray-services/kit';
import { buildServiceMap } from '../packages/local/src/ui/lib/service-map-model.ts';
import { linkEdges } from '../packages/local/src/ui/lib/link-edges.ts';
import { lambdaTargetOfRun, report, useOrderSystem } from './support/order-system.ts';
import { placeOrder } from './support/orders-api.ts';
import { receiveMatching } from './support/queues.ts';
import { waitForTree } from './support/trees.ts';

registerMatchers();

const target = await lambdaTargetOfRun('lambda');
const ctx = useOrderSystem('lambda', {}, { notifications: true, lambdaTarget: target });

/** Assertions only the local runner can satisfy, and why. */
const onLocal = target.kind === 'local';
const LOCAL_ONLY =
  'needs the local runner: its batches are observed here and it writes the AWS::Lambda facade ' +
  "segments (with the link to the order); LocalStack's mapping polls inside LocalStack";
if (!onLocal) report(`[lambda] gated on ${target.kind}: the checks that ${LOCAL_ONLY}`);

/** The first batch holding a record of order `orderId`, once the mapping invoked one. */
async function batchOf(orderId: string, timeoutMs = 30_000): Promise<SqsBatchReport> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const batch = ctx.system.notifications?.batches.find((b) =>
      b.records.some((r) => r.body.includes(`"${orderId}"`)),
    );
    if (batch) return batch;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no notifications batch for ${orderId}`);
}

async function documents(traceIds: string[]): Promise<SegmentDocument[]> {
  const out = await ctx.client.send(new BatchGetTracesCommand({ TraceIds: traceIds }));
  return (out.Traces ?? []).flatMap((t) =>
    (t.Segments ?? []).map((s) => JSON.parse(s.Document ?? '{}') as SegmentDocument),
  );
}

/** The function's trace as Lambda with active tracing draws it. */
const functionTree = (orderId: string): ExpectedNode => ({
  name: 'notifications',
  origin: 'AWS::Lambda',
  kind: 'segment',
  fault: false,
  children: [
    {
      name: 'notifications',
      origin: 'AWS::Lambda::Function',
      kind: 'segment',
      children: [
        { name: 'Invocation', kind: 'subsegment' },
        { name: 'Overhead', kind: 'subsegment' },
        {
          name: '## index.handler',
          kind: 'subsegment',
          children: [
            {
              name: /process$/,
              children: [{ name: 'compose_notification', annotations: { order_id: orderId } }],
            },
          ],
        },
      ],
    },
  ],
});

describe('notifications (Lambda)', () => {
  describe('an order', () => {
    it.runIf(onLocal)(
      'is notified by the function, in a trace with the Lambda segments, linked to the order',
      async () => {
        const placed = await placeOrder(ctx.system.ordersUrl, {
          customerId: 'c-lambda',
          customerTier: 'enterprise',
          lines: [{ sku: 'sku-apple', qty: 2 }],
        });
        expect(placed.status).toBe(201);
        const batch = await batchOf(placed.body.id);
        expect(batch.result.functionError).toBeUndefined();
        expect(batch.outcome.retried).toEqual([]);
        await ctx.system.notifications?.flush();
        const trace = await waitForTree(
          'lambda',
          batch.result.traceId,
          functionTree(placed.body.id),
          {
            xray: ctx.client,
            since: placed.endedAt,
          },
        );
        expect(trace.id).not.toBe(placed.traceId);

        // the AWS::Lambda segment links to the order's SNS Publish subsegment (X-Ray trace linking)
        const docs = await documents([batch.result.traceId, placed.traceId]);
        const service = docs.find(
          (d) => d.origin === 'AWS::Lambda' && d.trace_id === batch.result.traceId,
        );
        const link = service?.links?.find((l) => l.trace_id === placed.traceId);
        expect(link).toBeDefined();
        const order = await waitForTree(
          'order',
          placed.traceId,
          {
            service: 'orders',
            kind: 'segment',
            children: [{ namespace: 'aws', operation: 'Publish' }],
          },
          {
            xray: ctx.client,
            since: placed.endedAt,
          },
        );
        const publish = order.nodes.find(
          (n) => n.namespace === 'aws' && n.aws?.operation === 'Publish',
        );
        expect(link?.id).toBe(publish?.id);

        // the map: Lambda's two nodes with their edge, and the dashed link edge SNS → notifications
        const graph = await ctx.client.send(
          new GetServiceGraphCommand({
            StartTime: new Date(Date.now() - 600_000),
            EndTime: new Date(),
          }),
        );
        const map = buildServiceMap(graph.Services ?? []);
        const node = (type: string) =>
          map.nodes.find((n) => n.name === 'notifications' && n.type === type);
        const lambda = node('AWS::Lambda');
        const fn = node('AWS::Lambda::Function');
        expect(lambda && fn).toBeTruthy();
        expect(map.edges.some((e) => e.from === lambda?.key && e.to === fn?.key)).toBe(true);
        const sns = map.nodes.find((n) => n.kind === 'inferred' && n.name === 'SNS');
        expect(linkEdges(map.nodes, docs)).toContainEqual(
          expect.objectContaining({ from: sns?.key, to: lambda?.key }),
        );
      },
    );
  });

  describe('an order whose customer address bounced', () => {
    let bounced: Awaited<ReturnType<typeof placeOrder>> | undefined;
    it(`lands in the notifications DLQ after ${MAX_RECEIVE_COUNT} receives (either target)`, async () => {
      const placed = await placeOrder(ctx.system.ordersUrl, {
        customerId: 'c-bounce',
        lines: [{ sku: 'sku-apple', qty: 1 }],
      });
      expect(placed.status).toBe(201);
      const dead = await receiveMatching(
        ctx.system.provisioned.queues.notificationsDlq.url,
        (m) => (m.Body ?? '').includes(placed.body.id),
        40_000,
      );
      expect(dead.Body).toContain('c-bounce');
      bounced = placed;
    });

    it.runIf(onLocal)(
      `was tried ${MAX_RECEIVE_COUNT} times, each reported as a batch item failure with a fault in its trace`,
      async () => {
        const placed = bounced;
        if (placed === undefined) throw new Error('the bounced order did not reach the DLQ');
        const attempts = (ctx.system.notifications?.batches ?? []).filter((b) =>
          b.records.some((r) => r.body.includes(placed.body.id)),
        );
        expect(attempts).toHaveLength(MAX_RECEIVE_COUNT);
        for (const a of attempts) {
          expect(a.outcome.reason).toBe('reported-failures');
          expect(a.result.payload).toMatchObject({ batchItemFailures: [expect.anything()] });
        }
        // each attempt's trace shows the failing record's subsegment as a fault
        const last = attempts.at(-1)!;
        await ctx.system.notifications?.flush();
        await waitForTree(
          'lambda dlq',
          last.result.traceId,
          {
            origin: 'AWS::Lambda',
            children: [
              {
                origin: 'AWS::Lambda::Function',
                children: [
                  {
                    name: '## index.handler',
                    children: [
                      {
                        name: /process$/,
                        fault: true,
                        children: [{ name: 'compose_notification', fault: true }],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { xray: ctx.client, since: placed.endedAt },
        );
      },
    );
  });
});
