import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BatchGetTracesCommand, GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import { afterAll, describe, expect, it } from 'vitest';
import { demoTrace } from '../helpers/documents.ts';
import { startTestServer } from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-damaged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `--data` file holding the demo trace, then `sql` run on it as a damaged disk or editor would. */
async function fileWith(name: string, sql: string): Promise<{ file: string; trace: string }> {
  const file = join(dir, name);
  const { trace, documents } = demoTrace();
  const server = await startTestServer({ data: file });
  await server.put(documents);
  await server.close();
  const db = new DatabaseSync(file);
  db.exec(sql);
  db.close();
  return { file, trace };
}

describe('damaged stored documents', () => {
  describe('at start', () => {
    it('skips them with one counted warning and serves the trace from the other documents', async () => {
      const { file, trace } = await fileWith(
        'broken.db',
        `UPDATE documents SET raw = substr(raw, 1, 40) WHERE raw LIKE '%"name":"inventory"%';
         UPDATE documents SET raw = '[]' WHERE raw LIKE '%"name":"shipping"%';`,
      );
      const lines: string[] = [];
      const server = await startTestServer({ data: file, log: (line) => lines.push(line) });
      expect(lines).toEqual([
        `${file}: skipped 2 damaged stored documents (not a readable segment); their traces are ` +
          `served from the other documents. --data-recover drops them from the file`,
      ]);
      expect(server.xray.stats().documentsDamaged).toBe(2);
      const out = await server.client.send(new BatchGetTracesCommand({ TraceIds: [trace] }));
      const names = out.Traces?.[0]?.Segments?.map((s) => JSON.parse(s.Document ?? '{}').name);
      expect(names?.sort()).toEqual(['SNS', 'orders']);
      const now = new Date();
      const summaries = await server.client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date(now.getTime() - 3_600_000),
          EndTime: now,
        }),
      );
      expect(summaries.TraceSummaries?.map((s) => s.Id)).toEqual([trace]);
      await server.close();
    });

    it('skips a row whose columns no longer match its document', async () => {
      const { file, trace } = await fileWith(
        'moved.db',
        `UPDATE documents SET id = 'ffffffffffffffff' WHERE raw LIKE '%"name":"orders"%';`,
      );
      const server = await startTestServer({ data: file, log: () => {} });
      expect(server.xray.stats().documentsDamaged).toBe(1);
      const out = await server.client.send(new BatchGetTracesCommand({ TraceIds: [trace] }));
      expect(out.Traces?.[0]?.Segments?.length).toBeGreaterThan(0);
      await server.close();
    });

    it('logs nothing for an undamaged file', async () => {
      const { file } = await fileWith('fine.db', 'SELECT 1;');
      const lines: string[] = [];
      const server = await startTestServer({ data: file, log: (line) => lines.push(line) });
      expect(lines).toEqual([]);
      expect(server.xray.stats().documentsDamaged).toBe(0);
      await server.close();
    });
  });
});
