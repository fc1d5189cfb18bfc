// The bench's 2,000 realistic spans from a real tracer provider (HTTP server, SNS publish, SQS receive
// and process, DB client), each with 20 attributes and events; shared by translate.bench.ts and the
// instruction-count driver translate-callgrind.ts.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes, Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

const STACK = `Error: connect ECONNREFUSED 127.0.0.1:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)
    at Client._connect (/srv/app/node_modules/pg/lib/client.js:132:11)
    at OrdersRepository.load (/srv/app/src/orders/repository.ts:41:23)`;

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({
  resource: resourceFromAttributes({
    'service.name': 'orders',
    'service.version': '1.8.2',
    'deployment.environment.name': 'bench',
    'telemetry.sdk.name': 'opentelemetry',
    'telemetry.sdk.language': 'nodejs',
    'telemetry.sdk.version': '2.12.0',
    'host.name': 'bench-host',
    'process.pid': 4242,
    'process.runtime.name': 'nodejs',
    'process.runtime.version': '24.21.0',
    'cloud.provider': 'aws',
    'cloud.region': 'us-east-1',
  }),
  spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
});
const tracer = provider.getTracer('bench', '1.0.0');

/** Pads `attributes` with custom ones up to 20 keys. */
function twenty(attributes: Attributes, i: number): Attributes {
  const out: Attributes = { ...attributes };
  for (let k = 0; Object.keys(out).length < 20; k++)
    out[`app.field_${k}`] = k % 3 === 0 ? i * k : `value-${i}-${k}`;
  return out;
}

function serverSpan(i: number): Span {
  const span = tracer.startSpan('GET /orders/:id', {
    kind: SpanKind.SERVER,
    attributes: twenty(
      {
        'http.request.method': 'GET',
        'url.scheme': 'http',
        'url.path': `/orders/${i}`,
        'url.query': 'expand=items',
        'server.address': 'orders.internal',
        'server.port': 3000,
        'client.address': '10.0.3.17',
        'network.peer.address': '10.0.3.17',
        'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36',
        'http.route': '/orders/:id',
        'http.response.status_code': i % 17 === 0 ? 503 : 200,
        'enduser.id': `user-${i % 50}`,
        'aws.xray.annotations': ['order.id'],
        'order.id': `o-${i}`,
      },
      i,
    ),
  });
  span.addEvent('request.validated', { 'validation.rules': 4 });
  if (i % 17 === 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream unavailable' });
  return span;
}

function snsSpan(i: number, parent: Span): Span {
  const span = tracer.startSpan(
    'orders-topic send',
    {
      kind: SpanKind.PRODUCER,
      attributes: twenty(
        {
          'rpc.system': 'aws-api',
          'rpc.service': 'SNS',
          'rpc.method': 'Publish',
          'cloud.region': 'us-east-1',
          'messaging.system': 'aws.sns',
          'messaging.destination_kind': 'topic',
          'messaging.destination': 'orders-topic',
          'messaging.destination.name': 'arn:aws:sns:us-east-1:000000000000:orders-topic',
          'aws.sns.topic.arn': 'arn:aws:sns:us-east-1:000000000000:orders-topic',
          'aws.request.id': `7d6c2f1e-${i}`,
          'http.response.status_code': 200,
        },
        i,
      ),
    },
    trace.setSpan(context.active(), parent),
  );
  span.addEvent('message.published', { 'messaging.message.id': `m-${i}` });
  return span;
}

function sqsSpan(i: number, parent: Span, kind: SpanKind): Span {
  const span = tracer.startSpan(
    kind === SpanKind.CONSUMER ? 'inventory-queue receive' : 'inventory-queue process',
    {
      kind,
      links: [{ context: parent.spanContext(), attributes: { 'messaging.message.id': `m-${i}` } }],
      attributes: twenty(
        {
          'rpc.system': 'aws-api',
          'rpc.service': 'SQS',
          'rpc.method': 'ReceiveMessage',
          'cloud.region': 'us-east-1',
          'messaging.system': 'aws_sqs',
          'messaging.destination.name': 'inventory-queue',
          'messaging.operation.type': 'receive',
          'messaging.batch.message_count': 1,
          'url.full': 'http://127.0.0.1:4566/000000000000/inventory-queue',
          'aws.request.id': `a1b2c3-${i}`,
          'http.response.status_code': 200,
        },
        i,
      ),
    },
    trace.setSpan(context.active(), parent),
  );
  span.addEvent('message.received', { 'messaging.message.id': `m-${i}` });
  return span;
}

function dbSpan(i: number, parent: Span): Span {
  const span = tracer.startSpan(
    'SELECT shop.orders',
    {
      kind: SpanKind.CLIENT,
      attributes: twenty(
        {
          'db.system': 'postgresql',
          'db.name': 'shop',
          'db.user': 'orders_app',
          'db.statement': 'SELECT id, status, total FROM orders WHERE id = $1',
          'db.connection_string': 'postgresql://pg.internal:5432',
          'net.peer.name': 'pg.internal',
          'net.peer.port': 5432,
          'db.operation': 'SELECT',
          'db.sql.table': 'orders',
        },
        i,
      ),
    },
    trace.setSpan(context.active(), parent),
  );
  if (i % 10 === 0) {
    span.recordException({ name: 'Error', message: 'connect ECONNREFUSED', stack: STACK });
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  return span;
}

/** `count` finished spans and their provider (shut it down when done). */
export function benchSpans(count: number): { spans: ReadableSpan[]; provider: TracerProvider } {
  for (let i = 0; exporter.getFinishedSpans().length < count; i++) {
    const server = serverSpan(i);
    const kind = i % 2 === 0 ? SpanKind.CONSUMER : SpanKind.INTERNAL;
    for (const child of [snsSpan(i, server), sqsSpan(i, server, kind), dbSpan(i, server)])
      child.end();
    server.end();
  }
  return { spans: exporter.getFinishedSpans().slice(0, count), provider };
}
