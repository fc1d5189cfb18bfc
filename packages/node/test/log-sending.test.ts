import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SeverityNumber } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { pino } from 'pino';
import { xrayLogDestination, type LineSink } from '@otel-xray/node';
import { jsonLineToLogRecord } from '../src/logs/json-log-record.ts';
import { setActiveLogSending, startLogSending } from '../src/logs/log-sending.ts';
import { logsEndpointFrom } from '../src/logs/logs-from-options.ts';

describe('jsonLineToLogRecord', () => {
  it('maps a pino line: time, level, message, err as exception.*, fields as attributes', () => {
    const { record, traceId, spanId, sampled } = jsonLineToLogRecord({
      level: 50,
      time: 1_700_000_000_123,
      pid: 1,
      hostname: 'h',
      service: 'inventory',
      msg: 'message failed',
      orderId: 'o-1',
      nested: { sku: 'sku-x', n: null },
      err: { type: 'Error', message: 'unknown SKU', stack: 'Error: unknown SKU\n    at x' },
      'AWS-XRAY-TRACE-ID': '1-5759e988-bd862e3fe1be46a994272793@53995c3f42cd8ad8',
      trace_id: '5759e988bd862e3fe1be46a994272793',
      span_id: '53995c3f42cd8ad8',
      trace_flags: '01',
    });
    expect(record).toEqual({
      timestamp: 1_700_000_000_123,
      severityNumber: SeverityNumber.ERROR,
      severityText: 'error',
      body: 'message failed',
      attributes: {
        orderId: 'o-1',
        nested: { sku: 'sku-x' },
        'exception.type': 'Error',
        'exception.message': 'unknown SKU',
        'exception.stacktrace': 'Error: unknown SKU\n    at x',
      },
    });
    expect({ traceId, spanId, sampled }).toEqual({
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      sampled: true,
    });
  });
  it('reads labels and ISO times, and ignores malformed IDs', () => {
    const { record, traceId } = jsonLineToLogRecord({
      level: 'warn',
      t: '2026-01-02T03:04:05.000Z',
      message: 'slow',
      trace_id: 'not-hex',
    });
    expect(record.severityNumber).toBe(SeverityNumber.WARN);
    expect(record.timestamp).toEqual(new Date('2026-01-02T03:04:05.000Z'));
    expect(record.body).toBe('slow');
    expect(traceId).toBeUndefined();
  });
});

describe('logsEndpointFrom', () => {
  it('takes the option, then OTEL_XRAY_LOGS_ENDPOINT, then OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', () => {
    expect(logsEndpointFrom('http://127.0.0.1:1/v1/logs', {})).toBe('http://127.0.0.1:1/v1/logs');
    expect(
      logsEndpointFrom(undefined, {
        OTEL_XRAY_LOGS_ENDPOINT: 'http://127.0.0.1:2/v1/logs',
        OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://127.0.0.1:3/v1/logs',
      }),
    ).toBe('http://127.0.0.1:2/v1/logs');
    expect(logsEndpointFrom(undefined, {})).toBeUndefined();
  });
  it('refuses what is not an http(s) URL', () => {
    expect(logsEndpointFrom('udp://127.0.0.1:2000', {})).toBeUndefined();
    expect(logsEndpointFrom('::nonsense', {})).toBeUndefined();
  });
});

describe('xrayLogDestination with log sending', () => {
  let server: Server | undefined;
  afterEach(async () => {
    setActiveLogSending(undefined);
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });

  it('writes each line and sends it as OTLP/protobuf to /v1/logs, tied to its trace', async () => {
    const bodies: { path: string; type: string; body: Buffer }[] = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        bodies.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const sending = startLogSending({
      endpoint: `http://127.0.0.1:${port}/v1/logs`,
      resource: resourceFromAttributes({ 'service.name': 'inventory' }),
      scheduledDelayMillis: 10,
    });
    setActiveLogSending(sending);
    const written: string[] = [];
    const out: LineSink = { write: (line: string) => written.push(line) };
    const logger = pino({}, xrayLogDestination(out));
    logger.error(
      {
        orderId: 'o-42',
        trace_id: '5759e988bd862e3fe1be46a994272793',
        span_id: '53995c3f42cd8ad8',
        trace_flags: '01',
      },
      'stock check failed',
    );
    await sending.shutdown();
    expect(written).toHaveLength(1);
    expect(bodies).toHaveLength(1);
    const [sent] = bodies;
    expect(sent).toMatchObject({ path: '/v1/logs', type: 'application/x-protobuf' });
    // protobuf carries the IDs as raw bytes and strings as UTF-8
    expect(sent!.body.includes(Buffer.from('5759e988bd862e3fe1be46a994272793', 'hex'))).toBe(true);
    expect(sent!.body.includes(Buffer.from('53995c3f42cd8ad8', 'hex'))).toBe(true);
    for (const text of ['stock check failed', 'o-42', 'inventory'])
      expect(sent!.body.includes(Buffer.from(text))).toBe(true);
    expect(sending.dropped).toBe(0);
  });

  it('only writes when no sender runs, and never throws on a non-JSON line', () => {
    const written: string[] = [];
    const destination = xrayLogDestination({ write: (line: string) => written.push(line) });
    destination.write('not json\n');
    destination.write('{"broken\n');
    expect(written).toEqual(['not json\n', '{"broken\n']);
  });

  it('does not throw on lines it cannot parse while sending', async () => {
    const sending = startLogSending({
      endpoint: 'http://127.0.0.1:9/v1/logs',
      resource: resourceFromAttributes({}),
      exportTimeoutMillis: 100,
    });
    setActiveLogSending(sending);
    const destination = xrayLogDestination({ write: () => undefined });
    expect(() => destination.write('{"broken\n[1,2]\n{"msg":"ok"}\n')).not.toThrow();
    await sending.shutdown();
  });
});
