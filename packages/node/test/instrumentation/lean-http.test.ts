// The lean (diagnostics_channel) instrumentation on real loopback sockets: each request handler
// runs inside its own server span — keep-alive, pipelined, streamed, aborted, Expect: 100-continue —
// and client spans (http and fetch) carry the trace downstream.
import { SpanKind, trace, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTracing, type TracingHandle } from '@otel-xray/node';

const memory = new InMemorySpanExporter();
let tracing: TracingHandle;
let server: http.Server;
let base = '';
/** Per request (by `x-id`): the span id the handler saw at each step. */
const seen = new Map<string, Record<string, string | undefined>>();

const spanId = (): string | undefined => trace.getActiveSpan()?.spanContext().spanId;

function handler(req: IncomingMessage, res: ServerResponse): void {
  const id = String(req.headers['x-id'] ?? req.url);
  const record: Record<string, string | undefined> = { handler: spanId() };
  seen.set(id, record);
  req.on('data', () => (record.data ??= spanId()));
  req.on('end', () => {
    record.end = spanId();
    setTimeout(() => {
      record.timer = spanId();
      if (req.url === '/fail') res.writeHead(503);
      res.end(`ok ${id} ${String(req.headers['x-amzn-trace-id'] ?? '')}`);
    }, 5);
  });
}

beforeAll(async () => {
  tracing = startTracing({
    serviceName: 'lean-test',
    sampler: 'always_on',
    // Batch export to nowhere; the test reads the SimpleSpanProcessor's copy.
    spanExporter: {
      export: (_spans, done) => done({ code: 0 }),
      shutdown: () => Promise.resolve(),
    },
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
    handleSignals: false,
    awsSdk: false,
    instrumentation: 'lean',
  });
  server = http.createServer(handler);
  server.on('checkContinue', (req, res) => {
    res.writeContinue();
    handler(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await tracing.shutdown();
});

beforeEach(() => {
  memory.reset();
  seen.clear();
});

const servers = (): ReadableSpan[] =>
  memory.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
const clients = (): ReadableSpan[] =>
  memory.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);

async function settle(count: number): Promise<void> {
  for (let i = 0; i < 200 && servers().length < count; i++)
    await new Promise((r) => setTimeout(r, 10));
}

function get(path: string, headers: Record<string, string>, agent?: http.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers, agent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** Every step of the handler saw the server span of its own request. */
function expectHandlersInOwnSpan(ids: string[]): void {
  const byUrlId = new Map(servers().map((s) => [s.spanContext().spanId, s]));
  for (const id of ids) {
    const record = seen.get(id)!;
    expect(record.handler).toBeDefined();
    expect(byUrlId.has(record.handler!)).toBe(true);
    for (const step of ['end', 'timer', 'data'] as const)
      if (step in record) expect(record[step], `${id} ${step}`).toBe(record.handler);
  }
  expect(new Set(ids.map((id) => seen.get(id)!.handler)).size).toBe(ids.length);
}

describe('lean instrumentation', () => {
  describe('keep-alive', () => {
    it('runs each request on one connection in its own server span, child of its client span', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const bodies: string[] = [];
      for (const id of ['k1', 'k2', 'k3']) bodies.push(await get('/k', { 'x-id': id }, agent));
      agent.destroy();
      await settle(3);
      expectHandlersInOwnSpan(['k1', 'k2', 'k3']);
      expect(clients()).toHaveLength(3);
      for (const s of servers()) {
        const parent = clients().find(
          (c) => c.spanContext().spanId === s.parentSpanContext?.spanId,
        );
        expect(parent?.spanContext().traceId).toBe(s.spanContext().traceId);
      }
      // X-Amzn-Trace-Id went out with the client span's trace id.
      const [first] = clients();
      const hex = first!.spanContext().traceId;
      expect(bodies.join()).toContain(`Root=1-${hex.slice(0, 8)}-${hex.slice(8)}`);
    });
  });

  describe('pipelining', () => {
    it('gives two requests sent in one write two spans, each handler inside its own', async () => {
      const { port } = server.address() as { port: number };
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const req = (id: string): string => `GET /p HTTP/1.1\r\nHost: x\r\nx-id: ${id}\r\n\r\n`;
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString()));
      socket.write(req('p1') + req('p2'));
      // Both answers arrive on the socket (the second waits for the first: that is pipelining).
      for (let i = 0; i < 500 && !received.includes('ok p2'); i++)
        await new Promise((r) => setTimeout(r, 10));
      await settle(2);
      socket.destroy();
      expect(received).toContain('ok p1');
      expect(received).toContain('ok p2');
      expectHandlersInOwnSpan(['p1', 'p2']);
    });
  });

  describe('streamed body', () => {
    it('runs data and end listeners inside the server span', async () => {
      const done = new Promise<void>((resolve, reject) => {
        const request = http.request(
          `${base}/s`,
          { method: 'POST', headers: { 'x-id': 's1' } },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        request.on('error', reject);
        request.write('a');
        setTimeout(() => request.end('b'), 20);
      });
      await done;
      await settle(1);
      expect(seen.get('s1')!.data).toBeDefined();
      expectHandlersInOwnSpan(['s1']);
    });
  });

  describe('Expect: 100-continue', () => {
    it('traces the request and runs the handler inside its span', async () => {
      await new Promise<void>((resolve, reject) => {
        const request = http.request(`${base}/c`, {
          method: 'PUT',
          headers: { 'x-id': 'c1', expect: '100-continue' },
        });
        request.on('continue', () => request.end('body'));
        request.on('response', (res) => {
          res.resume();
          res.on('end', resolve);
        });
        request.on('error', reject);
      });
      await settle(1);
      expectHandlersInOwnSpan(['c1']);
      expect(servers()[0]!.attributes['http.request.method']).toBe('PUT');
    });
  });

  describe('aborted request', () => {
    it('ends the server span when the client goes away before the response', async () => {
      const request = http.request(`${base}/a`, { method: 'POST', headers: { 'x-id': 'a1' } });
      request.on('error', () => undefined);
      request.write('partial');
      for (let i = 0; i < 100 && !seen.has('a1'); i++) await new Promise((r) => setTimeout(r, 10));
      request.destroy();
      await settle(1);
      expect(servers()).toHaveLength(1);
      expect(seen.get('a1')!.handler).toBe(servers()[0]!.spanContext().spanId);
    });
  });

  describe('statuses and errors', () => {
    it('marks a 5xx server span as an error, and a refused client call with the exception', async () => {
      await get('/fail', { 'x-id': 'f1' });
      await settle(1);
      const [span] = servers();
      expect(span!.status.code).toBe(SpanStatusCode.ERROR);
      expect(span!.attributes['error.type']).toBe('503');
      const client = clients().find((c) => c.attributes['http.response.status_code'] === 503);
      expect(client!.status.code).toBe(SpanStatusCode.ERROR);
      memory.reset();
      const request = http.get('http://127.0.0.1:1/');
      const [error] = (await once(request, 'error')) as [Error];
      expect(error.message).toContain('ECONNREFUSED');
      const refused = clients().find((c) => c.attributes['server.port'] === 1);
      expect(refused?.status.code).toBe(SpanStatusCode.ERROR);
      expect(refused?.events.some((e) => e.name === 'exception')).toBe(true);
    });
  });

  describe('fetch', () => {
    it('continues the trace into the server and names the callee', async () => {
      const tracer = trace.getTracer('test');
      const body = await tracer.startActiveSpan('parent', async (parent) => {
        const res = await fetch(`${base}/f?q=1`, { headers: { 'x-id': 'fe1' } });
        parent.end();
        return res.text();
      });
      await settle(1);
      const client = clients().find((c) => c.attributes['url.full'] === `${base}/f?q=1`)!;
      const root = memory.getFinishedSpans().find((s) => s.name === 'parent')!;
      expect(client.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
      expect(servers()[0]!.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
      expect(body).toContain('Root=1-');
      expectHandlersInOwnSpan(['fe1']);
    });
  });

  describe('AWS SDK requests', () => {
    it('does not trace requests the AWS SDK sends (its own instrumentation does)', async () => {
      await get('/sdk', { 'x-id': 'sdk1', 'x-amz-user-agent': 'aws-sdk-js/3.0.0' });
      await settle(1);
      expect(clients()).toHaveLength(0);
      // No trace header went out, so the server starts a new trace.
      expect(servers()[0]!.parentSpanContext).toBeUndefined();
    });
  });
});
