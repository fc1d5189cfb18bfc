// orders: HTTP API. POST /orders validates and publishes OrderPlaced to SNS; GET /orders/:id;
// POST /orders/:id/shipped is the shipping service's callback. Configured by env only.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { setAnnotation, setMetadata, activeSpan } from '@otel-xray/node';
import { createLogger, requireEnv, readJson, sendJson, serveHttp } from '@otel-xray-services/kit';
import { parseOrderRequest, type Order } from './orders.ts';

const log = createLogger('orders');
const topicArn = requireEnv('ORDERS_TOPIC_ARN');
const sns = new SNSClient({});
const orders = new Map<string, Order>();

/** Request header that makes this request's publish fail (a topic that does not exist): a real dependency fault, for demos and tests. */
const FAULT_HEADER = 'x-demo-fault';

async function placeOrder(body: unknown, req: http.IncomingMessage): Promise<[number, unknown]> {
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
  const broken = req.headers[FAULT_HEADER] === 'publish';
  await sns.send(
    new PublishCommand({
      TopicArn: broken ? `${topicArn}-does-not-exist` : topicArn,
      Message: JSON.stringify({ type: 'OrderPlaced', order }),
      MessageAttributes: { type: { DataType: 'String', StringValue: 'OrderPlaced' } },
    }),
  );
  orders.set(order.id, order);
  log.info(
    {
      orderId: order.id,
      skus: order.lines.map((line) => line.sku),
      lines: order.lines.length,
      traceHeader: req.headers['x-amzn-trace-id'],
    },
    'order placed',
  );
  return [201, order];
}

function markShipped(id: string, body: unknown, req: http.IncomingMessage): [number, unknown] {
  const order = orders.get(id);
  if (!order) return [404, { error: `no order ${id}` }];
  setAnnotation(activeSpan(), 'order_id', id);
  order.status = 'shipped';
  order.shippedAt = new Date().toISOString();
  setMetadata(activeSpan(), 'shipment', body ?? {});
  log.info({ orderId: id, traceHeader: req.headers['x-amzn-trace-id'] }, 'order shipped');
  return [200, order];
}

async function route(req: http.IncomingMessage): Promise<[number, unknown]> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'orders') return [404, { error: 'not found' }];
  if (req.method === 'POST' && parts.length === 1) return placeOrder(await readJson(req), req);
  if (req.method === 'GET' && parts.length === 2) {
    const order = orders.get(parts[1]!);
    return order ? [200, order] : [404, { error: `no order ${parts[1]}` }];
  }
  if (req.method === 'POST' && parts.length === 3 && parts[2] === 'shipped')
    return markShipped(parts[1]!, await readJson(req), req);
  return [405, { error: 'method not allowed' }];
}

const server = http.createServer((req, res) => {
  // Like API Gateway, answer with the trace ID so a caller can look the request up.
  const { traceId } = activeSpan().spanContext();
  if (/^[0-9a-f]{32}$/.test(traceId) && !/^0+$/.test(traceId))
    res.setHeader('x-amzn-trace-id', `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)}`);
  route(req)
    .then(([status, body]) => sendJson(res, status, body))
    .catch((error: unknown) => {
      const bad = error instanceof SyntaxError;
      if (!bad) activeSpan().recordException(error instanceof Error ? error : String(error));
      if (bad) log.warn({ err: error }, 'bad request');
      else log.error({ err: error }, 'request failed');
      sendJson(res, bad ? 400 : 500, { error: bad ? 'invalid JSON body' : 'internal error' });
    });
});

serveHttp(server, { log });
