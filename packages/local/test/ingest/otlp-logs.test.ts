import { gzipSync } from 'node:zlib';
import { SeverityNumber } from '@opentelemetry/api';
import { traceIdToW3C } from '@otel-xray/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitLogs, newIds, queryLogs } from '../helpers/logs.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${s.xray.endpoint}/v1/logs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function jsonRequest(records: unknown[], service = 'json-svc'): unknown {
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeLogs: [{ scope: { name: 'raw' }, logRecords: records }],
      },
    ],
  };
}

describe('OTLP/HTTP logs ingest', () => {
  describe('from the OpenTelemetry JS exporters', () => {
    it.each(['proto', 'json'] as const)(
      'stores lines sent by the %s exporter with the X-Ray trace and segment IDs',
      async (encoding) => {
        const { traceId, segmentId } = newIds();
        await emitLogs(
          s.xray.endpoint,
          'inventory',
          [
            {
              message: 'reserved stock',
              attributes: { orderId: 'o-1', sku: 'SKU-9', quantity: 2 },
              traceId,
              segmentId,
              timeMs: 1_700_000_000_123,
            },
            {
              message: 'out of stock',
              severity: SeverityNumber.ERROR,
              severityText: 'ERROR',
              traceId,
              segmentId,
              timeMs: 1_700_000_000_456,
            },
          ],
          encoding,
        );
        const { status, body } = await queryLogs(s.xray.endpoint, { traceId });
        expect(status).toBe(200);
        expect(body.traceId).toBe(traceId);
        expect(body.truncated).toBe(false);
        expect(body.logs).toEqual([
          {
            time: 1700000000.123,
            service: 'inventory',
            level: 'info',
            severityNumber: 9,
            message: 'reserved stock',
            traceId,
            segmentId,
            attributes: { orderId: 'o-1', sku: 'SKU-9', quantity: 2 },
            scope: 'test-logger',
          },
          expect.objectContaining({ level: 'error', severityNumber: 17, message: 'out of stock' }),
        ]);
      },
    );

    it('accepts gzip from the proto and JSON exporters', async () => {
      const { traceId, segmentId } = newIds();
      await emitLogs(
        s.xray.endpoint,
        'a',
        [{ message: 'zipped proto', traceId, segmentId }],
        'proto',
        'gzip',
      );
      await emitLogs(
        s.xray.endpoint,
        'b',
        [{ message: 'zipped json', traceId, segmentId }],
        'json',
        'gzip',
      );
      const { body } = await queryLogs(s.xray.endpoint, { traceId });
      expect(body.logs.map((l) => l.message).sort()).toEqual(['zipped json', 'zipped proto']);
    });

    it('finds a trace by its 32-hex W3C ID too', async () => {
      const { traceId, segmentId } = newIds();
      await emitLogs(s.xray.endpoint, 'w3c', [{ message: 'hello', traceId, segmentId }]);
      const { body } = await queryLogs(s.xray.endpoint, { traceId: traceIdToW3C(traceId)! });
      expect(body.traceId).toBe(traceId);
      expect(body.logs).toHaveLength(1);
    });

    it('keeps a batch of 512 lines of one trace', async () => {
      const { traceId, segmentId } = newIds();
      const lines = Array.from({ length: 512 }, (_, i) => ({
        message: `line ${i}`,
        traceId,
        segmentId,
        timeMs: 1_700_000_000_000 + i,
      }));
      await emitLogs(s.xray.endpoint, 'bulk', lines);
      const { body } = await queryLogs(s.xray.endpoint, { traceId, limit: '10000' });
      expect(body.logs).toHaveLength(512);
      expect(body.logs[511]?.message).toBe('line 511');
    });
  });

  describe('records', () => {
    it('sorts by time, ties in arrival order, and renders non-string bodies as JSON', async () => {
      const { traceId } = newIds();
      const tid = traceIdToW3C(traceId)!;
      const res = await postJson(
        jsonRequest([
          { timeUnixNano: '3000000000', body: { stringValue: 'third' }, traceId: tid },
          { timeUnixNano: '1000000000', body: { stringValue: 'first' }, traceId: tid },
          {
            observedTimeUnixNano: '2000000000',
            body: { kvlistValue: { values: [{ key: 'n', value: { intValue: '2' } }] } },
            traceId: tid,
          },
          { timeUnixNano: '1000000000', body: { stringValue: 'first-too' }, traceId: tid },
        ]),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
      const { body } = await queryLogs(s.xray.endpoint, { traceId });
      expect(body.logs.map((l) => [l.time, l.message])).toEqual([
        [1, 'first'],
        [1, 'first-too'],
        [2, '{"n":2}'],
        [3, 'third'],
      ]);
    });

    it('derives the level from severityText, else severityNumber, and names enum severities', async () => {
      const { traceId } = newIds();
      const tid = traceIdToW3C(traceId)!;
      await postJson(
        jsonRequest([
          { timeUnixNano: '1', severityText: 'WARNING', severityNumber: 13, traceId: tid },
          { timeUnixNano: '2', severityNumber: 'SEVERITY_NUMBER_FATAL2', traceId: tid },
          { timeUnixNano: '3', severityNumber: 6, traceId: tid },
          { timeUnixNano: '4', traceId: tid },
        ]),
      );
      const { body } = await queryLogs(s.xray.endpoint, { traceId });
      expect(body.logs.map((l) => [l.level, l.severityNumber])).toEqual([
        ['warning', 13],
        ['fatal', 22],
        ['debug', 6],
        ['unspecified', 0],
      ]);
    });

    it('stores lines without a trace ID (counted) without indexing them', async () => {
      const before = s.xray.stats().logRecords;
      const res = await postJson(jsonRequest([{ body: { stringValue: 'no trace' } }]));
      expect(res.status).toBe(200);
      expect(s.xray.stats().logRecords).toBe(before + 1);
    });

    it('refuses records with malformed IDs as partialSuccess and keeps the others', async () => {
      const { traceId } = newIds();
      const tid = traceIdToW3C(traceId)!;
      const res = await postJson(
        jsonRequest([
          { body: { stringValue: 'bad trace' }, traceId: 'abcd' },
          { body: { stringValue: 'bad span' }, traceId: tid, spanId: '12' },
          { body: { stringValue: 'good' }, traceId: tid, spanId: '53995c3f42cd8ad8' },
        ]),
      );
      expect(res.status).toBe(200);
      const json = (await res.json()) as {
        partialSuccess?: { rejectedLogRecords?: string; errorMessage?: string };
      };
      expect(json.partialSuccess?.rejectedLogRecords).toBe('2');
      expect(json.partialSuccess?.errorMessage).toContain('traceId');
      const { body } = await queryLogs(s.xray.endpoint, { traceId });
      expect(body.logs.map((l) => [l.message, l.segmentId])).toEqual([
        ['good', '53995c3f42cd8ad8'],
      ]);
    });

    it('answers protobuf partialSuccess in protobuf', async () => {
      // ExportLogsServiceRequest { resource_logs { scope_logs { log_records { trace_id: 2 bytes } } } }
      const record = Buffer.from([0x4a, 0x02, 0xab, 0xcd]);
      const scope = Buffer.concat([Buffer.from([0x12, record.length]), record]);
      const resource = Buffer.concat([Buffer.from([0x12, scope.length]), scope]);
      const body = Buffer.concat([Buffer.from([0x0a, resource.length]), resource]);
      const res = await fetch(`${s.xray.endpoint}/v1/logs`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-protobuf');
      const bytes = Buffer.from(await res.arrayBuffer());
      // partial_success (field 1) { rejected_log_records (field 1) = 1, error_message (field 2) }
      expect([...bytes.subarray(0, 4)]).toEqual([0x0a, bytes.length - 2, 0x08, 0x01]);
      expect(bytes.toString('utf8')).toContain('traceId must be 16 bytes');
    });
  });

  describe('bad input', () => {
    it('answers malformed protobuf and JSON with 400', async () => {
      const proto = await fetch(`${s.xray.endpoint}/v1/logs`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]),
      });
      expect(proto.status).toBe(400);
      expect(proto.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
      const json = await postJson('{"resourceLogs": [');
      expect(json.status).toBe(400);
      expect(((await json.json()) as { message: string }).message).toContain('Malformed OTLP JSON');
    });

    it('refuses values nested deeper than the limit, as /v1/traces does', async () => {
      let value: unknown = { stringValue: 'deep' };
      for (let i = 0; i < 40; i++) value = { arrayValue: { values: [value] } };
      const res = await postJson(jsonRequest([{ body: value }]));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('nested too deeply');
    });

    it('refuses bodies over the size limit, before and after gunzip', async () => {
      const big = Buffer.alloc(6 * 1024 * 1024, 0x20);
      const plain = await rawRequest(s.xray.endpoint, {
        path: '/v1/logs',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
        body: big,
      });
      expect(plain.status).toBe(413);
      const bomb = await fetch(`${s.xray.endpoint}/v1/logs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(big),
      });
      expect(bomb.status).toBe(413);
    });

    it('refuses a foreign Origin and a text/plain body (403) and stores nothing', async () => {
      const { traceId } = newIds();
      const body = JSON.stringify(
        jsonRequest([{ body: { stringValue: 'x' }, traceId: traceIdToW3C(traceId) }]),
      );
      const evil = await rawRequest(s.xray.endpoint, {
        path: '/v1/logs',
        headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
        body,
      });
      expect(evil.status).toBe(403);
      const text = await rawRequest(s.xray.endpoint, {
        path: '/v1/logs',
        headers: { 'Content-Type': 'text/plain' },
        body,
      });
      expect(text.status).toBe(403);
      expect((await queryLogs(s.xray.endpoint, { traceId })).body.logs).toEqual([]);
    });
  });
});

describe('GET /_local/logs', () => {
  it('filters by case-insensitive text and cuts at limit with truncated', async () => {
    const { traceId, segmentId } = newIds();
    await emitLogs(s.xray.endpoint, 'svc', [
      { message: 'Payment FAILED for order', traceId, segmentId, timeMs: 1_700_000_000_001 },
      { message: 'retrying', traceId, segmentId, timeMs: 1_700_000_000_002 },
      { message: 'payment failed again', traceId, segmentId, timeMs: 1_700_000_000_003 },
    ]);
    const q = await queryLogs(s.xray.endpoint, { traceId, q: 'failed' });
    expect(q.body.logs.map((l) => l.message)).toEqual([
      'Payment FAILED for order',
      'payment failed again',
    ]);
    const cut = await queryLogs(s.xray.endpoint, { traceId, limit: '2' });
    expect(cut.body.logs.map((l) => l.message)).toEqual(['Payment FAILED for order', 'retrying']);
    expect(cut.body.truncated).toBe(true);
  });

  it('answers an unknown trace with no lines', async () => {
    const { body } = await queryLogs(s.xray.endpoint, { traceId: newIds().traceId });
    expect(body.logs).toEqual([]);
  });

  it.each([
    [{}, 'traceId is required'],
    [{ traceId: 'nope' }, 'Invalid traceId'],
    [{ traceId: '1-00000000-000000000000000000000000' }, 'Invalid traceId'],
    [{ traceId: '1-5759e988-bd862e3fe1be46a994272793', limit: '0' }, 'limit'],
    [{ traceId: '1-5759e988-bd862e3fe1be46a994272793', limit: '10001' }, 'limit'],
  ])('answers %j with 400 InvalidRequestException', async (query, message) => {
    const { status, body } = await queryLogs(s.xray.endpoint, query);
    expect(status).toBe(400);
    expect(body.__type).toBe('InvalidRequestException');
    expect(body.message).toContain(message);
  });

  it('counts received and stored lines in /_local/stats', async () => {
    const stats = (await (await fetch(`${s.xray.endpoint}/_local/stats`)).json()) as Record<
      string,
      number
    >;
    expect(stats.logRecordsReceived).toBeGreaterThan(500);
    expect(stats.logRecords).toBe(s.xray.stats().logRecords);
    expect(stats.logRecordsRejected).toBeGreaterThanOrEqual(3);
    expect(stats.logRecordsDropped).toBe(0);
  });
});
