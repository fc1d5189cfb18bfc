// orders: HTTP API. POST /orders validates and publishes OrderPlaced to SNS; GET /orders/:id;
// POST /orders/:id/shipped is the shipping service's callback. Configured by env only.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { setAnnotation, setMetadata, activeSpan, shutdownTracing } from '@otel-xray/node';
import { createLogger, requireEnv, intEnv, readJson, sendJson } from '@otel-xray-services/kit';
import { parseOrderRequest, type Order } from './orders.ts';

const log = createLogger('orders');
const topicArn = requireEnv('ORDERS_TOPIC_ARN');
const sns = new SNSClient({});
const orders = new Map<string, Order>();

async function placeOrder(body: unknown): Promise<[number, unknown]> {
  const parsed = parseOrderRequest(body);
  if (!parsed.ok) return [400, { error: parsed.error }];
  const order: Order = {
    id: randomUUID(),
    ...parsed.value,
    status: 'placed',
    createdAt: new Date().toISOString(),
  };
  const span = activeSpan();
  setAnnotation(span, 'order_id', order.id);
  setAnnotation(span, 'customer_tier', order.customerTier);
  setMetadata(span, 'order', order);
  orders.set(order.id, order);
  await sns.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: JSON.stringify({ type: 'OrderPlaced', order }),
      MessageAttributes: { type: { DataType: 'String', StringValue: 'OrderPlaced' } },
    }),
  );
  log('order placed', { orderId: order.id, lines: order.lines.length });
  return [201, order];
}

function markShipped(id: string, body: unknown): [number, unknown] {
  const order = orders.get(id);
  if (!order) return [404, { error: `no order ${id}` }];
  setAnnotation(activeSpan(), 'order_id', id);
  order.status = 'shipped';
  order.shippedAt = new Date().toISOString();
  setMetadata(activeSpan(), 'shipment', body ?? {});
  log('order shipped', { orderId: id });
  return [200, order];
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean);
  const route = async (): Promise<[number, unknown]> => {
    if (parts[0] !== 'orders') return [404, { error: 'not found' }];
    if (req.method === 'POST' && parts.length === 1) return placeOrder(await readJson(req));
    if (req.method === 'GET' && parts.length === 2) {
      const order = orders.get(parts[1]!);
      return order ? [200, order] : [404, { error: `no order ${parts[1]}` }];
    }
    if (req.method === 'POST' && parts.length === 3 && parts[2] === 'shipped')
      return markShipped(parts[1]!, await readJson(req));
    return [405, { error: 'method not allowed' }];
  };
  route()
    .then(([status, body]) => sendJson(res, status, body))
    .catch((error: unknown) => {
      const bad = error instanceof SyntaxError;
      log(bad ? 'bad request' : 'request failed', { error: String(error) });
      sendJson(res, bad ? 400 : 500, { error: bad ? 'invalid JSON body' : 'internal error' });
    });
});

server.listen(intEnv('PORT', 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  log('listening', { url: `http://127.0.0.1:${port}` });
});

process.once('SIGTERM', () => {
  log('stopping');
  server.close(() => {
    void shutdownTracing().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
});
