// Synthetic demo-shaped traces for the benchmarks: orders → SNS → inventory → SQS → shipping.
import { randomBytes } from 'node:crypto';

/**
 * Segment documents of one trace (3 documents), as JSON strings. `stretch` scales every offset and
 * duration (1: the 100 ms trace; the UI bench varies it so response times spread).
 */
export function benchTrace(i: number, t0: number, faultEvery = 100, stretch = 1): string[] {
  const trace = `1-${Math.floor(t0).toString(16)}-${randomBytes(12).toString('hex')}`;
  const id = (): string => randomBytes(8).toString('hex');
  const [orders, publish, inventory, send, shipping] = [id(), id(), id(), id(), id()];
  const fault = i % faultEvery === 0;
  return [
    JSON.stringify({
      name: 'orders',
      id: orders,
      trace_id: trace,
      start_time: t0,
      end_time: t0 + 0.05 * stretch,
      origin: 'AWS::ECS::Container',
      http: { request: { method: 'POST', url: 'http://orders/orders' }, response: { status: 201 } },
      annotations: { order_id: `o-${i}` },
      subsegments: [
        {
          name: 'SNS',
          id: publish,
          start_time: t0 + 0.01 * stretch,
          end_time: t0 + 0.02 * stretch,
          namespace: 'aws',
          aws: { operation: 'Publish', topic_arn: 'arn:aws:sns:us-east-1:000000000000:orders' },
        },
      ],
    }),
    JSON.stringify({
      name: 'inventory',
      id: inventory,
      trace_id: trace,
      parent_id: publish,
      start_time: t0 + 0.03 * stretch,
      end_time: t0 + 0.08 * stretch,
      ...(fault ? { fault: true } : {}),
      subsegments: [
        {
          name: 'SQS',
          id: send,
          start_time: t0 + 0.04 * stretch,
          end_time: t0 + 0.05 * stretch,
          namespace: 'aws',
          aws: { operation: 'SendMessage', queue_url: 'http://sqs/000000000000/shipping' },
        },
      ],
    }),
    JSON.stringify({
      name: 'shipping',
      id: shipping,
      trace_id: trace,
      parent_id: send,
      start_time: t0 + 0.09 * stretch,
      end_time: t0 + 0.1 * stretch,
    }),
  ];
}

/** Percentile of sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
