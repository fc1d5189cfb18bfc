// OTLP decoding checked against the OpenTelemetry exporters' own output: spans with every feature
// (events, links, every attribute value type, int64 edges, status, resource and scope attributes,
// trace state, dropped counts) are serialized by @opentelemetry/otlp-transformer (protobuf and
// JSON) and sent by the real OTLP proto exporter; what the local X-Ray decodes and translates must
// equal what core's translateSpan gives for the same spans in process.
import { BatchGetTracesCommand } from '@aws-sdk/client-xray';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  createTraceState,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { XRayIdGenerator, translateSpan } from '@otel-xray/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJsonTraces } from '../../src/ingest/otlp/decode-json.ts';
import { decodeProtobufTraces } from '../../src/ingest/otlp/decode-protobuf.ts';
import { otlpToDocuments } from '../../src/ingest/otlp/otlp-to-documents.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** Attribute values of every type OTLP carries, int64 edges included. */
const EVERY_VALUE = {
  str: 'text',
  'str.empty': '',
  'str.unicode': 'größe 😀 \u0000 "quoted" \\',
  int: 42,
  'int.zero': 0,
  'int.negative': -1,
  'int.max-safe': Number.MAX_SAFE_INTEGER,
  'int.min-safe': Number.MIN_SAFE_INTEGER,
  double: 1.5,
  'double.negative': -0.25,
  'double.tiny': 5e-324,
  'double.2^64': 2 ** 64,
  'bool.true': true,
  'bool.false': false,
  'array.str': ['a', 'b', ''],
  'array.int': [1, -2, 3],
  'array.double': [0.5, 1.25],
  'array.bool': [true, false],
  'array.mixed': ['a', 1, 1.5, true],
  'array.empty': [],
  'array.nested': [[1, 2], ['x']],
  bytes: new Uint8Array([0, 1, 2, 0xfe, 0xff]),
  kvlist: { a: 1, b: 'two', c: { d: [true, 2.5] } },
} as const;

/**
 * Integers past 2^53: the SDK holds a rounded number, the wire an exact int64, which the decoder
 * keeps as a bigint and translateSpan writes as a decimal string (core's attribute-values.ts), so
 * these are compared on their own.
 */
const UNSAFE_INTS = {
  'int.2^62': 2 ** 62,
  'int.-2^63': -(2 ** 63),
  'int.2^63-1024': 2 ** 63 - 1024,
};

function richSpans(unsafeInts = false): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    idGenerator: new XRayIdGenerator(),
    resource: resourceFromAttributes({
      'service.name': 'otlp-rich',
      'service.version': '1.2.3',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_ecs',
      'aws.log.group.names': ['/app/a', '/app/b'],
      'host.cores': 8,
      'res.double': 0.5,
      'res.bool': true,
    }),
    spanLimits: { attributeCountLimit: 40, eventCountLimit: 4, linkCountLimit: 3 },
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  const tracer = provider.getTracer('fidelity-scope', '9.8.7');
  // a remote parent with trace state: the server span continues a trace from elsewhere
  const remote = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '6751f0a4' + '0123456789abcdef01234567',
    spanId: '1111111111111111',
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
    traceState: createTraceState('vendor=a,xray=b'),
  });
  const server = tracer.startSpan(
    'POST /orders/{id}',
    {
      kind: SpanKind.SERVER,
      attributes: {
        ...EVERY_VALUE,
        ...(unsafeInts ? UNSAFE_INTS : {}),
        'http.request.method': 'POST',
        'url.full': 'https://api.example.com/orders/7?x=1',
        'http.route': '/orders/{id}',
        'http.response.status_code': 503,
        'user_agent.original': 'curl/8',
        'client.address': '10.0.0.1',
        'enduser.id': 'alice',
      },
      links: [
        {
          context: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), traceFlags: 1 },
          attributes: { 'link.kind': 'batch', 'link.n': 3 },
        },
      ],
    },
    remote,
  );
  server.addEvent('cache miss', { key: 'k1', 'size.bytes': 1024, hit: false, list: ['a'] });
  server.recordException(
    Object.assign(new Error('stock unavailable'), {
      stack:
        'Error: stock unavailable\n    at Stock.validate (file:///app/src/stock.ts:12:9)\n    at async handler (/app/src/orders.js:30:5)',
    }),
  );
  server.addEvent('exception', {
    'exception.type': 'TypeError',
    'exception.message': 'x is undefined',
    'exception.stacktrace':
      'TypeError: x is undefined\n    at f (node:internal/process/task_queues:95:5)',
  });
  for (let i = 0; i < 3; i++) server.addEvent(`tick ${i}`, { i }); // past eventCountLimit: dropped
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream unavailable' });

  const parent = trace.setSpan(ROOT_CONTEXT, server);
  const dynamo = tracer.startSpan(
    'DynamoDB.GetItem',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'rpc.system': 'aws-api',
        'rpc.service': 'DynamoDB',
        'rpc.method': 'GetItem',
        'aws.dynamodb.table_names': ['orders'],
        'aws.request_id': 'REQ1',
        'cloud.region': 'eu-west-1',
        'http.response.status_code': 400,
      },
    },
    parent,
  );
  dynamo.setStatus({ code: SpanStatusCode.ERROR });
  dynamo.end();
  const http = tracer.startSpan(
    'GET',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'GET',
        'url.full': 'http://stock.internal:8080/stock/7',
        'server.address': 'stock.internal',
        'http.response.status_code': 429,
      },
    },
    parent,
  );
  http.end();
  const produce = tracer.startSpan(
    'shipping send',
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'rpc.system': 'aws-api',
        'rpc.service': 'SQS',
        'rpc.method': 'SendMessage',
        'messaging.system': 'aws_sqs',
        'aws.sqs.queue_url': 'https://sqs.eu-west-1.amazonaws.com/123456789012/shipping',
      },
    },
    parent,
  );
  produce.end();
  const internal = tracer.startSpan('compute', { kind: SpanKind.INTERNAL }, parent);
  for (let i = 0; i < 50; i++) internal.setAttribute(`attr.${i}`, i); // past attributeCountLimit
  internal.setStatus({ code: SpanStatusCode.OK });
  internal.end();
  server.end();

  // a consumer root span of another trace, linked to the producer, with more links than kept
  const consumer = tracer.startSpan('shipping process', {
    kind: SpanKind.CONSUMER,
    root: true,
    attributes: { 'messaging.system': 'aws_sqs', 'messaging.operation.type': 'process' },
    links: Array.from({ length: 5 }, (_, i) => ({
      context: { ...produce.spanContext(), spanId: `${i}`.repeat(16) },
      attributes: { i },
    })),
  });
  consumer.end();
  return memory.getFinishedSpans();
}

/** What core's translateSpan gives for the spans in process, canonical for comparison. */
function expected(spans: readonly ReadableSpan[]): unknown[] {
  return canonical(spans.flatMap((s) => translateSpan(s).documents.map((d) => JSON.stringify(d))));
}

/** Documents by id, with the random exception ids replaced by their order. */
function canonical(raws: readonly string[]): unknown[] {
  return raws
    .map((raw) => {
      const ids = new Map<string, string>();
      const text = raw.replace(/"id":"([0-9a-f]{16})","message"/g, (_, id: string) => {
        if (!ids.has(id)) ids.set(id, `exception-${ids.size}`);
        return `"id":"${ids.get(id)}","message"`;
      });
      return JSON.parse([...ids].reduce((t, [id, n]) => t.replaceAll(`"${id}"`, `"${n}"`), text));
    })
    .sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1));
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('OTLP decoding against the OpenTelemetry serializers', () => {
  describe('ProtobufTraceSerializer', () => {
    it('decodes and translates to the documents translateSpan gives in process', () => {
      const spans = richSpans();
      const bytes = ProtobufTraceSerializer.serializeRequest(spans)!;
      const decoded = decodeProtobufTraces(bytes);
      expect(decoded.flatMap((b) => b.spans)).toHaveLength(spans.length);
      const out = otlpToDocuments(decoded);
      expect(out.rejected).toBe(0);
      expect(canonical(out.documents)).toEqual(expected(spans));
    });

    it('decodes every attribute value type as the SDK holds it', () => {
      const spans = richSpans(true);
      const decoded = decodeProtobufTraces(ProtobufTraceSerializer.serializeRequest(spans)!);
      const server = decoded[0]!.spans.find((x) => x.kind === 2)!;
      for (const [key, value] of Object.entries(EVERY_VALUE)) {
        const got = server.attributes[key];
        if (typeof got === 'bigint') expect(Number(got), key).toBe(value);
        else expect(got, key).toEqual(value);
      }
      for (const [key, value] of Object.entries(UNSAFE_INTS)) {
        expect(server.attributes[key], key).toBe(BigInt(value));
      }
      // translated: the exact decimal, where the in-process translation has the rounded number
      const doc = otlpToDocuments(decoded)
        .documents.map((d) => JSON.parse(d) as { metadata?: { default?: Record<string, unknown> } })
        .find((d) => d.metadata?.default?.['int.2^62'] !== undefined);
      expect(doc?.metadata?.default?.['int.-2^63']).toBe('-9223372036854775808');
      expect(doc?.metadata?.default?.['int.2^62']).toBe('4611686018427387904');
      expect(decoded[0]!.resource['aws.log.group.names']).toEqual(['/app/a', '/app/b']);
      expect(server.scope).toEqual({ name: 'fidelity-scope', version: '9.8.7' });
      expect(server.status).toEqual({ code: 2, message: 'upstream unavailable' });
      expect(server.events).toHaveLength(4);
      expect(server.links[0]?.attributes).toEqual({ 'link.kind': 'batch', 'link.n': 3 });
    });
  });

  describe('nesting', () => {
    function nestedSpan(depth: number): ReadableSpan[] {
      const memory = new InMemorySpanExporter();
      const provider = new TracerProvider({
        spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
      });
      let value: unknown = 'leaf';
      for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { v: value } : [value];
      provider
        .getTracer('t')
        .startSpan('nested', { attributes: { nested: value } })
        .end();
      return memory.getFinishedSpans();
    }

    const leaf = (value: unknown, depth: number): unknown => {
      for (let i = depth - 1; i >= 0; i--)
        value = i % 2 === 0 ? (value as Record<string, unknown>).v : (value as unknown[])[0];
      return value;
    };
    const viaJson = (spans: ReadableSpan[]) =>
      decodeJsonTraces(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    const viaProtobuf = (spans: ReadableSpan[]) =>
      decodeProtobufTraces(ProtobufTraceSerializer.serializeRequest(spans)!);

    it('decodes kvlists and arrays nested 31 deep over protobuf and JSON alike', () => {
      const spans = nestedSpan(31);
      for (const decoded of [viaProtobuf(spans), viaJson(spans)]) {
        expect(leaf(decoded[0]?.spans[0]?.attributes.nested, 31)).toBe('leaf');
      }
    });

    it('refuses values nested 32 deep over protobuf and JSON alike', () => {
      const spans = nestedSpan(32);
      expect(() => viaProtobuf(spans)).toThrow('nested too deeply');
      expect(() => viaJson(spans)).toThrow('nested too deeply');
    });
  });

  describe('JsonTraceSerializer', () => {
    it('decodes and translates to the documents translateSpan gives in process', () => {
      const spans = richSpans();
      const text = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
      const out = otlpToDocuments(decodeJsonTraces(text));
      expect(out.rejected).toBe(0);
      expect(canonical(out.documents)).toEqual(expected(spans));
    });
  });

  describe('the OTLP proto exporter over HTTP', () => {
    it('stores what PutTraceSegments stores for the documents translateSpan gives', async () => {
      const spans = richSpans();
      const exporter = new OTLPTraceExporter({ url: `${s.xray.endpoint}/v1/traces` });
      const result = await new Promise<{ code: number; error?: Error }>((resolve) =>
        exporter.export(spans, resolve),
      );
      await exporter.shutdown();
      expect(result.error).toBeUndefined();
      expect(result.code).toBe(0);
      // the same spans translated in process, put into a second local X-Ray
      const reference = await startTestServer();
      try {
        await reference.put(spans.flatMap((x) => translateSpan(x).documents));
        const ids = [...new Set(spans.map((x) => x.spanContext().traceId))].map(
          (w3c) => `1-${w3c.slice(0, 8)}-${w3c.slice(8)}`,
        );
        const read = async (server: TestServer) => {
          const out = await server.client.send(new BatchGetTracesCommand({ TraceIds: ids }));
          expect(out.UnprocessedTraceIds).toEqual([]);
          return canonical(
            (out.Traces ?? []).flatMap((t) => t.Segments ?? []).map((x) => x.Document!),
          );
        };
        const stored = await read(s);
        expect(stored.length).toBeGreaterThanOrEqual(ids.length);
        expect(stored).toEqual(await read(reference));
      } finally {
        await reference.close();
      }
    });
  });
});
