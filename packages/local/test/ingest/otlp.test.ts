import { gzipSync } from 'node:zlib';
import { BatchGetTracesCommand } from '@aws-sdk/client-xray';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { XRayIdGenerator, traceIdToW3C } from '@otel-xray/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

function makeSpans(): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    idGenerator: new XRayIdGenerator(),
    resource: resourceFromAttributes({ 'service.name': 'otlp-orders' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  const tracer = provider.getTracer('test');
  const server = tracer.startSpan('POST /orders', {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': 'POST', 'http.response.status_code': 500 },
  });
  const client = tracer.startSpan(
    'SNS.Publish',
    {
      kind: SpanKind.PRODUCER,
      attributes: { 'rpc.system': 'aws-api', 'rpc.service': 'SNS', 'rpc.method': 'Publish' },
    },
    trace.setSpan(ROOT_CONTEXT, server),
  );
  client.end();
  server.setStatus({ code: SpanStatusCode.ERROR });
  server.end();
  return memory.getFinishedSpans();
}

function xrayTraceId(span: ReadableSpan): string {
  const w3c = span.spanContext().traceId;
  return `1-${w3c.slice(0, 8)}-${w3c.slice(8)}`;
}

async function fetchTrace(id: string) {
  const out = await s.client.send(new BatchGetTracesCommand({ TraceIds: [id] }));
  return out.Traces?.[0]?.Segments?.map((seg) => JSON.parse(seg.Document ?? '{}')) ?? [];
}

describe('OTLP/HTTP ingest', () => {
  describe('protobuf', () => {
    it('accepts spans from the real OTLP proto exporter', async () => {
      const spans = makeSpans();
      const exporter = new OTLPTraceExporter({ url: `${s.xray.endpoint}/v1/traces` });
      const result = await new Promise<{ code: number; error?: Error }>((resolve) =>
        exporter.export(spans, resolve),
      );
      await exporter.shutdown();
      expect(result.error).toBeUndefined();
      expect(result.code).toBe(0);
      const docs = await fetchTrace(xrayTraceId(spans[0]!));
      const server = docs.find((d) => d.name === 'otlp-orders');
      expect(server).toBeDefined();
      expect(server.fault).toBe(true);
      expect(server.subsegments?.[0]).toMatchObject({ name: 'SNS', namespace: 'aws' });
      expect(docs.find((d) => d.inferred)?.origin).toBe('AWS::SNS');
      expect(traceIdToW3C(server.trace_id)).toBe(spans[0]!.spanContext().traceId);
    });

    it('accepts gzip-compressed protobuf', async () => {
      const spans = makeSpans();
      const body = gzipSync(ProtobufTraceSerializer.serializeRequest(spans)!);
      const res = await fetch(`${s.xray.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' },
        body,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-protobuf');
      expect((await fetchTrace(xrayTraceId(spans[0]!))).length).toBeGreaterThan(0);
    });

    it('answers malformed protobuf with a 400', async () => {
      const res = await fetch(`${s.xray.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    });
  });

  describe('JSON', () => {
    it('accepts OTLP/JSON', async () => {
      const spans = makeSpans();
      const body = Buffer.from(JsonTraceSerializer.serializeRequest(spans)!);
      const res = await fetch(`${s.xray.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      const names = (await fetchTrace(xrayTraceId(spans[0]!))).map((d) => d.name);
      expect(names).toContain('otlp-orders');
    });

    it('reports spans it could not translate as partialSuccess', async () => {
      const body = {
        resourceSpans: [
          {
            resource: { attributes: [] },
            scopeSpans: [
              {
                scope: { name: 't' },
                spans: [
                  {
                    traceId: '',
                    spanId: '',
                    name: 'x',
                    kind: 2,
                    startTimeUnixNano: '1',
                    endTimeUnixNano: '2',
                  },
                ],
              },
            ],
          },
        ],
      };
      const res = await fetch(`${s.xray.endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      const json = (await res.json()) as { partialSuccess?: { rejectedSpans?: string } };
      expect(json.partialSuccess?.rejectedSpans).toBe('1');
    });
  });
});
