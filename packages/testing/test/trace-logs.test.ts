import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutTraceSegmentsCommand, XRayClient } from '@aws-sdk/client-xray';
import {
  checkLog,
  checkTraceTree,
  fetchTraceLogs,
  formatLogLines,
  registerMatchers,
  startLocalXRay,
  waitForTrace,
  type LocalXRay,
  type TraceLogLine,
} from '../src/index.ts';
import { apiTrace } from './helpers/fixtures.ts';

registerMatchers();
const trace = apiTrace('order-flow');
const ID = trace.Id!;
const HEX = ID.slice(2).replace('-', '');

/** One OTLP/JSON log record as a service's exporter sends it. */
function record(service: string, spanId: string, at: number, level: string, body: string) {
  return {
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeLogs: [
      {
        scope: { name: '@otel-xray/node' },
        logRecords: [
          {
            timeUnixNano: String(BigInt(at) * 1_000_000n),
            severityText: level,
            body: { stringValue: body },
            attributes: [{ key: 'orderId', value: { stringValue: 'o-1' } }],
            traceId: HEX,
            spanId,
          },
        ],
      },
    ],
  };
}

const line = (over: Partial<TraceLogLine>): TraceLogLine => ({
  time: 1_700_000_000.123,
  service: 'inventory',
  level: 'error',
  severityNumber: 17,
  message: 'stock check failed',
  traceId: ID,
  segmentId: 'b1b2c3d4e5f60004',
  attributes: { orderId: 'o-1', 'exception.message': 'unknown SKU sku-x' },
  scope: '@otel-xray/node',
  ...over,
});

describe('trace logs from a local X-Ray', () => {
  let xray: LocalXRay;
  beforeAll(async () => {
    xray = await startLocalXRay({ port: 0 });
    const client = new XRayClient({
      endpoint: xray.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const documents = trace
      .Segments!.map((s) => JSON.parse(s.Document!) as Record<string, unknown>)
      .filter((doc) => doc.inferred !== true)
      .map((doc) => JSON.stringify(doc));
    await client.send(new PutTraceSegmentsCommand({ TraceSegmentDocuments: documents }));
    client.destroy();
    const now = Date.now();
    const body = {
      resourceLogs: [
        record('orders', 'a1b2c3d4e5f60001', now, 'info', 'order placed'),
        record('inventory', 'b1b2c3d4e5f60004', now + 5, 'error', 'stock check failed'),
      ],
    };
    const sent = await fetch(`${xray.endpoint}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(sent.status).toBe(200);
  });
  afterAll(() => xray.stop());

  describe('fetchTraceLogs', () => {
    it('answers the lines in time order, with service, level and segment', async () => {
      const { logs } = await fetchTraceLogs(xray.endpoint, ID);
      expect(logs.map((l) => [l.service, l.level, l.message, l.segmentId])).toEqual([
        ['orders', 'info', 'order placed', 'a1b2c3d4e5f60001'],
        ['inventory', 'error', 'stock check failed', 'b1b2c3d4e5f60004'],
      ]);
    });
    it('rejects with the server message for a bad trace ID', async () => {
      await expect(fetchTraceLogs(xray.endpoint, 'nope')).rejects.toThrow(/400.*Invalid traceId/);
    });
  });

  describe('waitForTrace with logs', () => {
    it('returns the trace with its log lines', async () => {
      const found = await waitForTrace(ID, {
        xray: xray.endpoint,
        logs: { services: ['orders', 'inventory'], settleMs: 100 },
      });
      expect(found.logs).toHaveLength(2);
      expect(found).toHaveLog({ service: 'inventory', level: 'error', message: /stock/ });
      expect(found).not.toHaveLog({ service: 'shipping' });
    });
    it('prints the lines under the diff of a failing tree', async () => {
      const found = await waitForTrace(ID, { xray: xray.endpoint, logs: { settleMs: 100 } });
      const result = checkTraceTree(found, { service: 'billing' });
      expect(result.pass).toBe(false);
      const message = result.message();
      expect(message).toMatch(/Log lines of orders, inventory in this trace \(newest last\):/);
      expect(message).toMatch(/inventory\s+error b1b2c3d4e5f60004 stock check failed orderId=o-1/);
    });
  });
});

describe('checkLog', () => {
  it('matches service, level (any case), message substring or RegExp, and attributes', () => {
    const lines = [line({}), line({ service: 'orders', level: 'info', message: 'order placed' })];
    expect(checkLog(lines, { service: 'inventory', level: 'ERROR', message: 'stock' }).pass).toBe(
      true,
    );
    expect(checkLog(lines, { message: /^order placed$/ }).pass).toBe(true);
    expect(checkLog(lines, { attributes: { orderId: 'o-1' } }).pass).toBe(true);
    expect(checkLog(lines, { attributes: { orderId: 'o-2' } }).pass).toBe(false);
  });
  it('lists the lines it saw when none matches', () => {
    const result = checkLog([line({})], { service: 'shipping', message: 'booked' });
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(
      /expected a log line like \{ service "shipping", message "booked" \} among the trace's 1 lines:\n.*inventory\s+error .*stock check failed err="unknown SKU sku-x" orderId=o-1/,
    );
  });
  it('says so when the trace has no lines, or is no trace', () => {
    expect(checkLog({ logs: [] }, { service: 'x' }).message()).toMatch(/has no log lines/);
    expect(checkLog(42, { service: 'x' }).message()).toMatch(/expected a Trace with logs/);
  });
});

describe('formatLogLines', () => {
  it('keeps the newest lines, newest last, and counts the rest', () => {
    const lines = Array.from({ length: 5 }, (_, i) =>
      line({ message: `line ${i}`, time: 1_700_000_000 + i }),
    );
    const text = formatLogLines(lines, 2).split('\n');
    expect(text[0]).toBe('… 3 earlier lines');
    expect(text[1]).toMatch(/^22:13:23\.000 inventory\s+error b1b2c3d4e5f60004 line 3/);
    expect(text[2]).toMatch(/line 4/);
  });
  it('cuts long lines at 160 characters', () => {
    const [text] = formatLogLines([line({ message: 'x'.repeat(400) })]).split('\n');
    expect(text).toHaveLength(160);
    expect(text!.endsWith('…')).toBe(true);
  });
});
