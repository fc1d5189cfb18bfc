// A known three-service trace for the UI tests: orders publishes to SNS, inventory (parent = that
// Publish subsegment) reserves stock and sends to SQS, shipping (parent = the SendMessage
// subsegment) fails with a cause and stack.
import { randomBytes } from 'node:crypto';

/** IDs and documents of the trace. */
export interface OrderTrace {
  traceId: string;
  ids: Record<
    'orders' | 'publish' | 'validate' | 'inventory' | 'reserve' | 'send' | 'shipping' | 'carrier',
    string
  >;
  documents: Array<Record<string, unknown>>;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** Builds the trace with its first segment starting `t0` (epoch seconds). */
export function orderTrace(t0: number): OrderTrace {
  const traceId = `1-${Math.floor(t0).toString(16).padStart(8, '0')}-${hex(12)}`;
  const ids = {
    orders: hex(8),
    publish: hex(8),
    validate: hex(8),
    inventory: hex(8),
    reserve: hex(8),
    send: hex(8),
    shipping: hex(8),
    carrier: hex(8),
  };
  const topicArn = 'arn:aws:sns:us-east-1:000000000000:order-events';
  const queueUrl = 'http://sqs.us-east-1.localhost:4566/000000000000/shipping-queue';
  const orders = {
    name: 'orders',
    id: ids.orders,
    trace_id: traceId,
    start_time: t0,
    end_time: t0 + 0.12,
    origin: 'AWS::ECS::Container',
    http: {
      request: { method: 'POST', url: 'http://orders.local/orders' },
      response: { status: 201 },
    },
    annotations: { order_id: 'o-4711', customer_tier: 'gold' },
    metadata: { default: { cart: { items: 3, total: 59.5 } } },
    subsegments: [
      { name: 'validate-order', id: ids.validate, start_time: t0 + 0.002, end_time: t0 + 0.01 },
      {
        name: 'SNS',
        id: ids.publish,
        namespace: 'aws',
        start_time: t0 + 0.012,
        end_time: t0 + 0.05,
        aws: { operation: 'Publish', region: 'us-east-1', topic_arn: topicArn },
        http: { response: { status: 200 } },
      },
    ],
  };
  const inventory = {
    name: 'inventory',
    id: ids.inventory,
    trace_id: traceId,
    parent_id: ids.publish,
    start_time: t0 + 0.06,
    end_time: t0 + 0.16,
    origin: 'AWS::ECS::Container',
    annotations: { sku_count: 3 },
    subsegments: [
      { name: 'reserve-stock', id: ids.reserve, start_time: t0 + 0.062, end_time: t0 + 0.09 },
      {
        name: 'SQS',
        id: ids.send,
        namespace: 'aws',
        start_time: t0 + 0.092,
        end_time: t0 + 0.11,
        aws: { operation: 'SendMessage', region: 'us-east-1', queue_url: queueUrl },
        http: { response: { status: 200 } },
      },
    ],
  };
  const shipping = {
    name: 'shipping',
    id: ids.shipping,
    trace_id: traceId,
    parent_id: ids.send,
    start_time: t0 + 0.13,
    end_time: t0 + 0.21,
    origin: 'AWS::ECS::Container',
    fault: true,
    http: { response: { status: 502 } },
    cause: {
      working_directory: '/srv/shipping',
      exceptions: [
        {
          id: ids.carrier,
          type: 'CarrierUnavailableError',
          message: 'carrier ACME did not answer',
          stack: [
            { path: 'src/carrier.ts', line: 42, label: 'bookCarrier' },
            { path: 'src/consumer.ts', line: 17, label: 'handleMessage' },
          ],
        },
      ],
    },
  };
  return { traceId, ids, documents: [orders, inventory, shipping] };
}
