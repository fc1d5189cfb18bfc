// The `api` and `otlp` transports against a real receiver: the local X-Ray of @otel-xray/local on
// a loopback port (PutTraceSegments and signed /v1/traces), read back with BatchGetTraces.
import { BatchGetTracesCommand, XRayClient } from '@aws-sdk/client-xray';
import type { Attributes } from '@opentelemetry/api';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { startLocalXRay } from '@otel-xray/local';
import type { LocalXRay } from '@otel-xray/local';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XRaySpanExporter } from '../src/index.ts';
import type { XRayExporterConfig } from '../src/index.ts';

const credentials = () => Promise.resolve({ accessKeyId: 'test', secretAccessKey: 'test' });

interface Entity {
  id: string;
  name: string;
  trace_id?: string;
  parent_id?: string;
  type?: string;
  inferred?: boolean;
  origin?: string;
  error?: boolean;
  fault?: boolean;
  http?: { request?: { method?: string; url?: string }; response?: { status?: number } };
  annotations?: Record<string, unknown>;
  metadata?: Record<string, Record<string, unknown>>;
  cause?: { exceptions?: Array<{ type?: string; message?: string }> };
  subsegments?: Entity[];
}

/** One trace like a small service writes: SERVER root, a CLIENT call that fails, an INTERNAL step. */
async function orderTrace(rootAttributes: Attributes): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  const tracer = provider.getTracer('round-trip');
  const root = tracer.startSpan('POST /orders', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': 'POST',
      'url.full': 'http://shop.example/orders?id=7',
      'http.response.status_code': 201,
      ...rootAttributes,
    },
  });
  // No context manager is registered: children get their parent explicitly.
  const parent = trace.setSpan(ROOT_CONTEXT, root);
  const call = tracer.startSpan(
    'GET',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'GET',
        'url.full': 'http://inventory.internal/stock/7',
        'server.address': 'inventory.internal',
        'http.response.status_code': 503,
      },
    },
    parent,
  );
  call.recordException(Object.assign(new Error('inventory down'), { name: 'StockError' }));
  call.setStatus({ code: SpanStatusCode.ERROR });
  call.end();
  tracer.startSpan('validate', {}, parent).end();
  root.end();
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

function exportOnce(exporter: XRaySpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

/** Every entity of a document tree, subsegments included. */
function flatten(entity: Entity): Entity[] {
  return [entity, ...(entity.subsegments ?? []).flatMap(flatten)];
}

describe('XRaySpanExporter round trip through the local X-Ray', () => {
  let xray: LocalXRay;
  let reader: XRayClient;
  let exporter: XRaySpanExporter | undefined;

  beforeAll(async () => {
    xray = await startLocalXRay({ port: 0 });
    reader = new XRayClient({
      endpoint: xray.endpoint,
      region: 'us-east-1',
      credentials,
    });
  });
  afterEach(async () => {
    await exporter?.shutdown();
    exporter = undefined;
  });
  afterAll(async () => {
    reader.destroy();
    await xray.stop();
  });

  /** Exports `spans` through `config` and returns the stored trace's documents, parsed. */
  async function roundTrip(config: XRayExporterConfig, spans: ReadableSpan[]): Promise<Entity[]> {
    exporter = new XRaySpanExporter({ region: 'eu-west-1', credentials, ...config });
    const result = await exportOnce(exporter, spans);
    expect(result).toEqual({ code: ExportResultCode.SUCCESS });
    await exporter.forceFlush();
    expect(exporter.stats()).toMatchObject({ documentsFailed: 0, sendErrors: 0 });
    const traceId = `1-${spans[0]!.spanContext().traceId.slice(0, 8)}-${spans[0]!.spanContext().traceId.slice(8)}`;
    const answer = await reader.send(new BatchGetTracesCommand({ TraceIds: [traceId] }));
    expect(answer.UnprocessedTraceIds ?? []).toEqual([]);
    expect(answer.Traces).toHaveLength(1);
    const trace = answer.Traces![0]!;
    expect(trace.Id).toBe(traceId);
    return (trace.Segments ?? []).map((segment) => {
      const document = JSON.parse(segment.Document!) as Entity;
      expect(segment.Id).toBe(document.id);
      expect(document.trace_id).toBe(traceId);
      return document;
    });
  }

  /** The assertions both transports share: one segment holding its two subsegments. */
  function expectOrderTrace(documents: Entity[], spans: ReadableSpan[]): Entity {
    const byName = new Map(spans.map((span) => [span.name, span.spanContext().spanId]));
    // X-Ray returns the service's segment and the inferred segment of the remote call.
    expect(documents).toHaveLength(2);
    const segment = documents.find((document) => document.inferred !== true)!;
    expect(segment).toMatchObject({
      id: byName.get('POST /orders'),
      name: 'orders',
      http: {
        request: { method: 'POST', url: 'http://shop.example/orders?id=7' },
        response: { status: 201 },
      },
    });
    expect(segment.parent_id).toBeUndefined();
    const children = segment.subsegments ?? [];
    expect(children.map((child) => child.id).sort()).toEqual(
      [byName.get('GET'), byName.get('validate')].sort(),
    );
    const call = children.find((child) => child.id === byName.get('GET'))!;
    expect(call).toMatchObject({
      name: 'inventory.internal',
      fault: true,
      http: {
        request: { method: 'GET', url: 'http://inventory.internal/stock/7' },
        response: { status: 503 },
      },
    });
    expect(call.cause?.exceptions?.[0]).toMatchObject({
      type: 'StockError',
      message: 'inventory down',
    });
    expect(children.find((child) => child.id === byName.get('validate'))!.name).toBe('validate');
    expect(flatten(segment)).toHaveLength(3);
    expect(documents.find((document) => document.inferred === true)).toMatchObject({
      name: 'inventory.internal',
      parent_id: call.id,
      origin: 'remote',
      fault: true,
      http: { response: { status: 503 } },
    });
    return segment;
  }

  describe("transport 'api' (PutTraceSegments)", () => {
    it('stores every span as X-Ray returns it: ids, names, http, annotations, metadata, subsegments', async () => {
      const spans = await orderTrace({ 'order.id': 'o-7', 'order.total': 12.5, note: 'gift' });
      const documents = await roundTrip(
        {
          transport: 'api',
          endpoint: xray.endpoint,
          indexedAttributes: ['order.id', 'order.total'],
        },
        spans,
      );
      const segment = expectOrderTrace(documents, spans);
      expect(segment.annotations).toEqual({ 'order.id': 'o-7', 'order.total': 12.5 });
      expect(segment.metadata).toEqual({
        default: { 'otel.resource.service.name': 'orders', note: 'gift' },
      });
      expect(exporter!.stats()).toMatchObject({ documentsTranslated: 3, documentsSent: 3 });
    });

    it('stores a span over 64 KB shrunk to fit, with the marker of what was dropped', async () => {
      const spans = await orderTrace({ big: '"\\\u0001🙂'.repeat(20_000), note: 'gift' });
      const documents = await roundTrip({ transport: 'api', endpoint: xray.endpoint }, spans);
      const segment = expectOrderTrace(documents, spans);
      expect(segment.metadata).toEqual({
        default: { 'otel.resource.service.name': 'orders', note: 'gift' },
        'otel.xray': { truncated: true, dropped_keys: ['default.big'] },
      });
      expect(Buffer.byteLength(JSON.stringify(segment))).toBeLessThanOrEqual(64 * 1024);
      expect(exporter!.stats()).toMatchObject({ documentsShrunk: 1, documentsSent: 3 });
    });
  });

  describe("transport 'otlp' (signed /v1/traces)", () => {
    it('stores the spans the receiver translates: ids, names, http, annotations, metadata, subsegments', async () => {
      const spans = await orderTrace({
        'order.id': 'o-8',
        note: 'gift',
        'aws.xray.annotations': ['order.id'],
      });
      const documents = await roundTrip(
        { transport: 'otlp', endpoint: `${xray.endpoint}/v1/traces` },
        spans,
      );
      const segment = expectOrderTrace(documents, spans);
      expect(segment.annotations).toEqual({ 'order.id': 'o-8' });
      expect(segment.metadata).toEqual({
        default: { 'otel.resource.service.name': 'orders', note: 'gift' },
      });
      expect(xray.stats()).toMatchObject({ otlpSpansReceived: 3 });
    });
  });
});
