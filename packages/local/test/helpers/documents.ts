// Segment document builders for the local server's tests: a small three-service trace shaped like
// the demo (orders → SNS → inventory → SQS → shipping) and single segments.
import { randomBytes } from 'node:crypto';

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function traceId(epoch = nowSeconds()): string {
  return `1-${epoch.toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
}

export function segmentId(): string {
  return randomBytes(8).toString('hex');
}

export interface SegmentInput {
  trace: string;
  name: string;
  id?: string;
  start: number;
  end?: number;
  [key: string]: unknown;
}

export function segment({
  trace,
  name,
  id,
  start,
  end,
  ...rest
}: SegmentInput): Record<string, unknown> {
  return {
    name,
    id: id ?? segmentId(),
    trace_id: trace,
    start_time: start,
    ...(end === undefined ? { in_progress: true } : { end_time: end }),
    ...rest,
  };
}

/** orders (root, HTTP) → SNS publish → inventory (consumer) → SQS send → shipping. */
export function demoTrace(
  t0 = nowSeconds() - 10,
  opts: { fault?: boolean; orderId?: string } = {},
) {
  const trace = traceId(t0);
  const ids = {
    orders: segmentId(),
    publish: segmentId(),
    inventory: segmentId(),
    send: segmentId(),
    shipping: segmentId(),
  };
  const orders = segment({
    trace,
    name: 'orders',
    id: ids.orders,
    start: t0,
    end: t0 + 0.5,
    origin: 'AWS::ECS::Container',
    http: {
      request: {
        method: 'POST',
        url: 'http://localhost/orders',
        user_agent: 'curl',
        client_ip: '127.0.0.1',
      },
      response: { status: 201 },
    },
    annotations: { order_id: opts.orderId ?? 'o-1' },
    user: 'alice',
    subsegments: [
      {
        name: 'SNS',
        id: ids.publish,
        start_time: t0 + 0.1,
        end_time: t0 + 0.2,
        namespace: 'aws',
        aws: {
          operation: 'Publish',
          topic_arn: 'arn:aws:sns:us-east-1:000000000000:orders-topic',
          region: 'us-east-1',
        },
        http: { response: { status: 200 } },
      },
    ],
  });
  const inventory = segment({
    trace,
    name: 'inventory',
    id: ids.inventory,
    start: t0 + 0.3,
    end: t0 + 0.8,
    parent_id: ids.publish,
    ...(opts.fault
      ? {
          fault: true,
          cause: { exceptions: [{ id: segmentId(), type: 'Error', message: 'out of stock' }] },
        }
      : {}),
    annotations: { sku: 'abc', quantity: 2 },
    subsegments: [
      {
        name: 'SQS',
        id: ids.send,
        start_time: t0 + 0.4,
        end_time: t0 + 0.45,
        namespace: 'aws',
        aws: {
          operation: 'SendMessage',
          queue_url: 'http://localhost:4566/000000000000/shipping-queue',
        },
      },
    ],
  });
  const shipping = segment({
    trace,
    name: 'shipping',
    id: ids.shipping,
    start: t0 + 0.9,
    end: t0 + 1.2,
    parent_id: ids.send,
  });
  return { trace, ids, documents: [orders, inventory, shipping] };
}
