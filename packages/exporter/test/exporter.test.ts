import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { context, SpanKind, trace as traceApi } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { TracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { XRaySpanExporter } from '../src/index.ts';
import type { XRayExporterConfig } from '../src/index.ts';
import { makeSpan } from '../../core/test/support/span-factory.ts';
import { captureDiag } from './support/diag-capture.ts';
import type { DiagCapture } from './support/diag-capture.ts';
import { awsError, documentsOf, startFakeServer } from './support/fake-xray-api.ts';
import type { FakeServer } from './support/fake-xray-api.ts';
import { closedUdpPort, listenUdp } from './support/udp-listener.ts';
import type { UdpListener } from './support/udp-listener.ts';

const HEADER = '{"format":"json","version":1}';

/** A root SERVER span plus `children` CLIENT spans of one trace, with distinct ids. */
function trace(children: number, attributes: Record<string, string> = {}): ReadableSpan[] {
  const root = makeSpan({
    kind: SpanKind.SERVER,
    spanId: '1000000000000001',
    name: 'GET /orders',
    attributes,
  });
  const kids = Array.from({ length: children }, (_, i) =>
    makeSpan({
      kind: SpanKind.CLIENT,
      spanId: `2${String(i + 10).padStart(15, '0')}`,
      parentSpanId: '1000000000000001',
      name: `call-${i}`,
    }),
  );
  return [root, ...kids];
}

function parse(datagram: string): { header: string; doc: Record<string, unknown> } {
  const newline = datagram.indexOf('\n');
  return { header: datagram.slice(0, newline), doc: JSON.parse(datagram.slice(newline + 1)) };
}

describe('XRaySpanExporter', () => {
  let exporter: XRaySpanExporter | undefined;
  let listener: UdpListener | undefined;
  let server: FakeServer | undefined;
  let logs: DiagCapture;

  beforeEach(() => {
    logs = captureDiag();
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', '');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  afterEach(async () => {
    await exporter?.shutdown();
    await listener?.close();
    await server?.close();
    exporter = undefined;
    listener = undefined;
    server = undefined;
    vi.unstubAllEnvs();
    logs.restore();
  });

  function make(config: XRayExporterConfig): XRaySpanExporter {
    exporter = new XRaySpanExporter({ statsIntervalMillis: 0, ...config });
    return exporter;
  }

  const exportSpans = (target: XRaySpanExporter, spans: ReadableSpan[]) =>
    new Promise<ExportResult>((resolve) => target.export(spans, resolve));

  describe('udp transport', () => {
    it('sends exactly one datagram per document: header, LF, document', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}` });
      const result = await exportSpans(target, trace(2));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      const received = await listener.waitFor(3);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(listener.datagrams).toHaveLength(3);
      const parsed = received.map(parse);
      expect(parsed.every((p) => p.header === HEADER)).toBe(true);
      const byId = Object.fromEntries(parsed.map((p) => [p.doc.id, p.doc]));
      expect(byId['1000000000000001']).toMatchObject({
        name: 'orders',
        trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      });
      expect(byId['2000000000000010']).toMatchObject({
        type: 'subsegment',
        parent_id: '1000000000000001',
      });
      expect(target.stats()).toMatchObject({
        spansReceived: 3,
        documentsTranslated: 3,
        documentsSent: 3,
        requests: 3,
        sendErrors: 0,
      });
    });

    it('lets AWS_XRAY_DAEMON_ADDRESS (pair form) override daemonAddress', async () => {
      listener = await listenUdp();
      vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `tcp:127.0.0.1:2000 udp:127.0.0.1:${listener.port}`);
      const target = make({ daemonAddress: `127.0.0.1:${await closedUdpPort()}` });
      await exportSpans(target, trace(0));
      expect(await listener.waitFor(1)).toHaveLength(1);
    });

    it('passes translate options through (indexedAttributes → annotations)', async () => {
      listener = await listenUdp();
      const target = make({
        daemonAddress: `127.0.0.1:${listener.port}`,
        indexedAttributes: ['order.id'],
      });
      await exportSpans(target, trace(0, { 'order.id': 'o-42', note: 'x' }));
      const { doc } = parse((await listener.waitFor(1))[0]!);
      expect(doc.annotations).toEqual({ 'order.id': 'o-42' });
      expect((doc.metadata as { default: Record<string, unknown> }).default).toMatchObject({
        note: 'x',
      });
      expect(
        (doc.metadata as { default: Record<string, unknown> }).default['order.id'],
      ).toBeUndefined();
    });

    it('shrinks a document over the limit (metadata first) and counts it', async () => {
      listener = await listenUdp();
      const target = make({
        daemonAddress: `127.0.0.1:${listener.port}`,
        maxDocumentBytes: 2000,
        indexedAttributes: ['order.id'],
      });
      const result = await exportSpans(
        target,
        trace(0, { 'order.id': 'o-42', blob: 'x'.repeat(5000) }),
      );
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      const [datagram] = await listener.waitFor(1);
      const { doc } = parse(datagram!);
      expect(Buffer.byteLength(datagram!)).toBeLessThanOrEqual(2000 + HEADER.length + 1);
      expect(doc.metadata).toBeUndefined();
      expect(doc.annotations).toEqual({ 'order.id': 'o-42' });
      expect(target.stats()).toMatchObject({
        documentsShrunk: 1,
        documentsSent: 1,
        documentsDroppedTooLarge: 0,
      });
    });

    it('keeps a 200 KB attribute span under the 64 KB datagram limit', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}` });
      const result = await exportSpans(target, trace(0, { big: 'y'.repeat(200_000) }));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      const [datagram] = await listener.waitFor(1);
      expect(Buffer.byteLength(datagram!)).toBeLessThanOrEqual(65_507);
      expect(target.stats().documentsShrunk).toBe(1);
    });

    it('drops a document that cannot fit as a last resort, counts it, and sends the rest', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}`, maxDocumentBytes: 256 });
      const longName = makeSpan({
        kind: SpanKind.SERVER,
        name: 'n',
        spanId: '3000000000000001',
        attributes: { 'aws.local.service': 'L'.repeat(200) },
      });
      const result = await exportSpans(target, [
        longName,
        makeSpan({ spanId: '3000000000000002', name: 'ok' }),
      ]);
      expect(result.code).toBe(ExportResultCode.FAILED);
      const received = await listener.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received.map((d) => parse(d).doc.id)).toEqual(['3000000000000002']);
      expect(target.stats()).toMatchObject({ documentsDroppedTooLarge: 1, documentsSent: 1 });
      expect(logs.warn.some((w) => w.includes('3000000000000001'))).toBe(true);
    });

    it('costs nothing but counted errors when the daemon is dead', async () => {
      const target = make({ daemonAddress: `127.0.0.1:${await closedUdpPort()}` });
      const results: ExportResult[] = [];
      for (let i = 0; i < 5; i++) {
        results.push(await exportSpans(target, trace(3)));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(results.every((r) => r.code === ExportResultCode.SUCCESS)).toBe(true);
      // Linux keeps one pending ICMP error per socket, so bursts report fewer refusals than datagrams.
      await expect.poll(() => target.stats().sendErrors, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(target.stats()).toMatchObject({ spansReceived: 20, documentsSent: 20, requests: 20 });
      expect(logs.warn.filter((w) => w.includes('unreachable'))).toHaveLength(1);
    });
  });

  describe('with the OTel SDK', () => {
    it('receives spans from a BatchSpanProcessor and flushes them on provider shutdown', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}` });
      const provider = new TracerProvider({
        spanProcessors: [new BatchSpanProcessor({ exporter: target })],
      });
      const tracer = provider.getTracer('exporter-test');
      const root = tracer.startSpan('GET /health', { kind: SpanKind.SERVER });
      const parent = traceApi.setSpan(context.active(), root);
      tracer.startSpan('db.query', { kind: SpanKind.CLIENT }, parent).end();
      root.end();
      await provider.shutdown();
      const received = (await listener.waitFor(2)).map((d) => parse(d).doc);
      expect(received).toHaveLength(2);
      expect(received.filter((doc) => doc.type === 'subsegment')).toHaveLength(1);
      expect(new Set(received.map((doc) => doc.trace_id)).size).toBe(1);
      expect(target.stats()).toMatchObject({ spansReceived: 2, documentsSent: 2 });
    });
  });

  describe('counters report', () => {
    it('warns periodically through diag while the daemon is dead', async () => {
      const target = make({
        daemonAddress: `127.0.0.1:${await closedUdpPort()}`,
        statsIntervalMillis: 20,
      });
      for (let i = 0; i < 3; i++) {
        await exportSpans(target, trace(1));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await expect
        .poll(() => logs.warn.find((line) => line.includes('sendErrors=')), { timeout: 10_000 })
        .toBeDefined();
      expect(logs.warn.find((line) => line.includes('sendErrors='))).toContain('documentsSent=6');
    });

    it('reports at debug level when nothing was lost', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}`, statsIntervalMillis: 20 });
      await exportSpans(target, trace(0));
      await expect
        .poll(() => logs.debug.find((line) => line.includes('documentsSent=1')))
        .toBeDefined();
      expect(logs.warn).toEqual([]);
    });
  });

  describe('api transport', () => {
    it('sends batches of at most 50 documents to PutTraceSegments', async () => {
      server = await startFakeServer();
      const target = make({ transport: 'api', endpoint: server.url });
      const result = await exportSpans(target, trace(119));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(server.requests.map((r) => documentsOf(r).length).sort()).toEqual([20, 50, 50]);
      expect(server.requests.every((r) => r.path === '/TraceSegments')).toBe(true);
      expect(String(server.requests[0]!.headers.authorization)).toContain(
        '/us-east-1/xray/aws4_request',
      );
      expect(target.stats()).toMatchObject({ documentsSent: 120, requests: 3 });
    });

    it('fails the export once, after bounded retries, when the service keeps throttling', async () => {
      server = await startFakeServer(() => awsError(429, 'ThrottledException'));
      const target = make({
        transport: 'api',
        endpoint: server.url,
        maxAttempts: 3,
        initialBackoffMillis: 1,
        maxBackoffMillis: 2,
      });
      const callback = vi.fn();
      target.export(trace(1), callback);
      await expect.poll(() => callback.mock.calls.length, { timeout: 10_000 }).toBe(1);
      expect(callback.mock.calls[0]![0].code).toBe(ExportResultCode.FAILED);
      expect(server.requests).toHaveLength(3);
      expect(target.stats()).toMatchObject({ documentsFailed: 2, retries: 2, sendErrors: 3 });
    });

    it('fails the export without throwing when no region is configured', async () => {
      vi.stubEnv('AWS_REGION', undefined);
      vi.stubEnv('AWS_DEFAULT_REGION', undefined);
      vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent');
      server = await startFakeServer();
      const target = make({ transport: 'api' });
      const result = await exportSpans(target, trace(0));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(server.requests).toHaveLength(0);
      expect(target.stats()).toMatchObject({ sendErrors: 1, documentsFailed: 1, retries: 0 });
      expect(logs.warn.some((line) => /region/i.test(line))).toBe(true);
    });

    it('drops the oldest queued documents when the queue is full', async () => {
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      server = await startFakeServer(async () => {
        await gate;
        return { status: 200, body: {} };
      });
      const target = make({
        transport: 'api',
        endpoint: server.url,
        maxQueueSize: 3,
        maxBatchSize: 1,
        concurrencyLimit: 1,
      });
      await target.forceFlush(); // the api transport is loaded with import(): wait until it is
      const results: ExportResult[] = [];
      for (const span of trace(7)) target.export([span], (r) => results.push(r));
      // One document in flight, three queued: the four oldest waiting ones were evicted.
      expect(target.stats().documentsDroppedQueueFull).toBe(4);
      expect(results.filter((r) => r.code === ExportResultCode.FAILED)).toHaveLength(4);
      release();
      await target.forceFlush();
      expect(results).toHaveLength(8);
      expect(server.requests.map((r) => JSON.parse(documentsOf(r)[0]!).id)).toEqual([
        '1000000000000001',
        '2000000000000014',
        '2000000000000015',
        '2000000000000016',
      ]);
      expect(target.stats()).toMatchObject({ documentsSent: 4, documentsDroppedQueueFull: 4 });
    });
  });

  describe('otlp transport', () => {
    it('sends spans untranslated as signed OTLP/protobuf', async () => {
      server = await startFakeServer(() => ({ status: 200 }));
      const target = make({
        transport: 'otlp',
        endpoint: `${server.url}/v1/traces`,
        region: 'eu-west-1',
      });
      const result = await exportSpans(target, trace(1));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      const [request] = server.requests;
      expect(request!.headers['content-type']).toBe('application/x-protobuf');
      expect(String(request!.headers.authorization)).toMatch(
        /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/eu-west-1\/xray\/aws4_request/,
      );
      expect(request!.body.includes('GET /orders')).toBe(true);
      expect(request!.body.includes('call-0')).toBe(true);
      expect(target.stats()).toMatchObject({
        spansReceived: 2,
        documentsSent: 2,
        documentsTranslated: 0,
      });
    });
  });

  describe('otlp queue', () => {
    it('fails an export at once, counted, while the request limit is reached', async () => {
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      server = await startFakeServer(async () => {
        await gate;
        return { status: 200 };
      });
      const target = make({
        transport: 'otlp',
        endpoint: `${server.url}/v1/traces`,
        region: 'eu-west-1',
        concurrencyLimit: 1,
      });
      const first = exportSpans(target, trace(1));
      const second = await exportSpans(target, trace(2));
      expect(second.code).toBe(ExportResultCode.FAILED);
      expect(target.stats().documentsDroppedQueueFull).toBe(3);
      release();
      expect((await first).code).toBe(ExportResultCode.SUCCESS);
      expect(target.stats().documentsSent).toBe(2);
    });
  });

  describe('export', () => {
    it('never throws on a malformed span and calls back once with FAILED', async () => {
      const target = make({ daemonAddress: `127.0.0.1:${await closedUdpPort()}` });
      const broken = {
        name: 'broken',
        spanContext: () => ({ traceId: 'zz', spanId: 'zz', traceFlags: 1 }),
      } as unknown as ReadableSpan;
      const callback = vi.fn();
      expect(() => target.export([broken], callback)).not.toThrow();
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback.mock.calls[0]![0].code).toBe(ExportResultCode.FAILED);
      expect(target.stats().translateErrors).toBe(1);
    });

    it('survives a callback that throws', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}` });
      expect(() =>
        target.export(trace(0), () => {
          throw new Error('app bug');
        }),
      ).not.toThrow();
      await target.forceFlush();
      expect(target.stats().documentsSent).toBe(1);
    });
  });

  describe('shutdown', () => {
    it('is idempotent, reports the counters through diag, and refuses later exports', async () => {
      listener = await listenUdp();
      const target = make({ daemonAddress: `127.0.0.1:${listener.port}` });
      await exportSpans(target, trace(1));
      const first = target.shutdown();
      expect(target.shutdown()).toBe(first);
      await first;
      expect(logs.info.some((line) => line.includes('documentsSent=2'))).toBe(true);
      const late = await exportSpans(target, trace(0));
      expect(late.code).toBe(ExportResultCode.FAILED);
    });

    it('gives up pending documents after flushTimeoutMillis, counted, each callback once', async () => {
      server = await startFakeServer(() => awsError(503, 'ServiceUnavailableException'));
      const target = make({
        transport: 'api',
        endpoint: server.url,
        maxBatchSize: 1,
        concurrencyLimit: 1,
        maxAttempts: 10,
        initialBackoffMillis: 60_000,
        maxBackoffMillis: 60_000,
        flushTimeoutMillis: 50,
      });
      const callback = vi.fn();
      target.export(trace(2), callback);
      await expect.poll(() => server!.requests.length, { timeout: 10_000 }).toBe(1);
      await target.shutdown();
      await expect.poll(() => callback.mock.calls.length, { timeout: 10_000 }).toBe(1);
      expect(callback.mock.calls[0]![0].code).toBe(ExportResultCode.FAILED);
      expect(target.stats()).toMatchObject({ documentsDroppedShutdown: 2, documentsFailed: 1 });
      expect(logs.warn.some((line) => line.includes('documentsDroppedShutdown=2'))).toBe(true);
    });
  });
});
