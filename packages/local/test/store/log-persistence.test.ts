import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { emitLogs, newIds, queryLogs } from '../helpers/logs.ts';
import { startTestServer } from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('log persistence (--data)', () => {
  describe('restart', () => {
    it('keeps acknowledged lines, in order, across a restart', async () => {
      const file = join(dir, 'logs.db');
      const { traceId, segmentId } = newIds();
      const first = await startTestServer({ data: file });
      await emitLogs(first.xray.endpoint, 'orders', [
        {
          message: 'one',
          traceId,
          segmentId,
          timeMs: 1_700_000_000_001,
          attributes: { orderId: 'o-7' },
        },
        { message: 'two', traceId, segmentId, timeMs: 1_700_000_000_002 },
      ]);
      const before = (await queryLogs(first.xray.endpoint, { traceId })).body;
      await first.close();

      const second = await startTestServer({ data: file });
      const after = (await queryLogs(second.xray.endpoint, { traceId })).body;
      expect(after).toEqual(before);
      expect(after.logs[0]?.attributes).toEqual({ orderId: 'o-7' });
      expect(second.xray.stats().logRecords).toBe(2);
      // numbering continues: a new line sorts after the replayed ones at equal time
      await emitLogs(second.xray.endpoint, 'orders', [
        { message: 'three', traceId, segmentId, timeMs: 1_700_000_000_002 },
      ]);
      expect(
        (await queryLogs(second.xray.endpoint, { traceId })).body.logs.map((l) => l.message),
      ).toEqual(['one', 'two', 'three']);
      await second.close();
    });

    it('does not bring dropped lines back', async () => {
      const file = join(dir, 'bounded.db');
      const { traceId, segmentId } = newIds();
      const first = await startTestServer({ data: file, maxLogRecords: 2 });
      await emitLogs(
        first.xray.endpoint,
        's',
        ['a', 'b', 'c'].map((message, i) => ({
          message,
          traceId,
          segmentId,
          timeMs: 1_700_000_000_000 + i,
        })),
      );
      expect(first.xray.stats().logRecordsDropped).toBe(1);
      await first.close();
      const second = await startTestServer({ data: file, maxLogRecords: 10 });
      expect(
        (await queryLogs(second.xray.endpoint, { traceId })).body.logs.map((l) => l.message),
      ).toEqual(['b', 'c']);
      await second.close();
    });
  });

  describe('older files', () => {
    it('opens a file written before logs existed and adds the table', async () => {
      const file = join(dir, 'old.db');
      const db = new DatabaseSync(file);
      db.exec(`CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, trace_id TEXT NOT NULL, id TEXT NOT NULL, raw TEXT NOT NULL,
        independent INTEGER NOT NULL, start_time REAL NOT NULL, end_time REAL, received_at INTEGER NOT NULL);
        CREATE INDEX documents_trace ON documents (trace_id);
        CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
      db.close();
      const { traceId, segmentId } = newIds();
      const first = await startTestServer({ data: file });
      await emitLogs(first.xray.endpoint, 's', [{ message: 'kept', traceId, segmentId }]);
      await first.close();
      const second = await startTestServer({ data: file });
      expect((await queryLogs(second.xray.endpoint, { traceId })).body.logs).toHaveLength(1);
      await second.close();
    });

    it('skips a damaged stored line and says so once', async () => {
      const file = join(dir, 'damaged.db');
      const { traceId, segmentId } = newIds();
      const first = await startTestServer({ data: file });
      await emitLogs(first.xray.endpoint, 's', [{ message: 'fine', traceId, segmentId }]);
      await first.close();
      const db = new DatabaseSync(file);
      db.prepare('INSERT INTO log_records (seq, trace_id, raw) VALUES (?, ?, ?)').run(
        99,
        traceId,
        '{not json',
      );
      db.close();
      const lines: string[] = [];
      const second = await startTestServer({ data: file, log: (l) => lines.push(l) });
      expect((await queryLogs(second.xray.endpoint, { traceId })).body.logs).toHaveLength(1);
      expect(lines.filter((l) => l.includes('damaged stored log line'))).toHaveLength(1);
      await second.close();
    });
  });
});
