import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BatchGetTracesCommand } from '@aws-sdk/client-xray';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptDocument } from '../../src/ingest/accept-document.ts';
import { emptyStats } from '../../src/stats.ts';
import { openJournal } from '../../src/store/open-journal.ts';
import { describeRecovery, recoverDataFile } from '../../src/store/recover-data-file.ts';
import { SqliteJournal } from '../../src/store/sqlite-journal.ts';
import type { StoredDocument } from '../../src/store/stored-document.ts';
import {
  digest,
  documentLeafPages,
  overwrite,
  truncateToHalf,
  writeDataFile,
} from '../helpers/data-files.ts';
import { demoTrace } from '../helpers/documents.ts';
import { startTestServer } from '../helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-recover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRACES = 1_000; // 3,000 documents
const DOCUMENTS = TRACES * 3;
const NOW = new Date('2025-01-02T03:04:05.678Z');

async function damaged(name: string, damage: (file: string) => void): Promise<string> {
  const file = join(dir, name);
  await writeDataFile(file, TRACES);
  damage(file);
  return file;
}

function acceptedDocument(raw: string): StoredDocument {
  const result = acceptDocument(raw, Date.now());
  if (!result.ok) throw new Error(result.unprocessed.Message);
  return result.document;
}

async function documentsIn(file: string): Promise<number> {
  const { journal, documents } = await openJournal(file, emptyStats(), () => {});
  journal.close();
  return documents.length;
}

describe('recoverDataFile', () => {
  describe('a healthy file', () => {
    it('says so and changes nothing', async () => {
      const file = join(dir, 'healthy.db');
      await writeDataFile(file, 50);
      const before = digest(file);
      const report = await recoverDataFile(file, NOW);
      expect(report).toMatchObject({ outcome: 'healthy', documentsRecovered: 150 });
      expect(digest(file)).toBe(before);
      expect(existsSync(`${file}.damaged-20250102T030405Z`)).toBe(false);
      expect(describeRecovery(report)).toBe(`${file} is healthy (150 documents); nothing changed`);
    });

    it('reports a missing file without creating it', async () => {
      const file = join(dir, 'missing.db');
      expect((await recoverDataFile(file)).outcome).toBe('missing');
      expect(existsSync(file)).toBe(false);
    });
  });

  describe('a damaged file', () => {
    it('recovers every document of a file whose header was zeroed', async () => {
      const file = await damaged('zeroed.db', (f) => overwrite(f, 0, 100, 0));
      const report = await recoverDataFile(file, NOW);
      expect(report).toMatchObject({
        outcome: 'recovered',
        problem: 'file is not a database',
        damagedCopy: `${file}.damaged-20250102T030405Z`,
        documentsRecovered: DOCUMENTS,
        documentsLost: 0,
        settingsRecovered: 1,
      });
      expect(await documentsIn(file)).toBe(DOCUMENTS);
    });

    it('recovers the readable half of a file cut to half its size, and counts the rest', async () => {
      const file = await damaged('half.db', truncateToHalf);
      const report = await recoverDataFile(file, NOW);
      expect(report.documentsRecovered).toBeGreaterThan(DOCUMENTS * 0.3);
      expect(report.documentsRecovered).toBeLessThan(DOCUMENTS * 0.7);
      const accounted = report.documentsRecovered + (report.documentsLost ?? 0);
      expect(accounted).toBeGreaterThan(DOCUMENTS * 0.95);
      expect(accounted).toBeLessThanOrEqual(DOCUMENTS);
      expect(await documentsIn(file)).toBe(report.documentsRecovered);
    });

    it('reads around overwritten pages in the middle and keeps the rows behind them', async () => {
      const file = await damaged('middle.db', (f) => {
        const leaves = documentLeafPages(f);
        for (const at of [0.25, 0.5, 0.75]) {
          const page = leaves[Math.floor(leaves.length * at)] as number;
          overwrite(f, (page - 1) * 4096, 4096);
        }
      });
      const report = await recoverDataFile(file, NOW);
      expect(report.outcome).toBe('recovered');
      expect(report.documentsRecovered).toBeGreaterThan(DOCUMENTS * 0.9);
      expect(report.documentsRecovered).toBeLessThan(DOCUMENTS);
      expect(await documentsIn(file)).toBe(report.documentsRecovered);
    });

    it('drops documents that are no longer readable segments', async () => {
      const file = join(dir, 'documents.db');
      await writeDataFile(file, 10);
      const db = new DatabaseSync(file);
      db.exec(`UPDATE documents SET raw = '{"name":"orders","id":' WHERE seq = 4;
        UPDATE documents SET raw = '[1,2,3]' WHERE seq = 7;`);
      db.close();
      const report = await recoverDataFile(file, NOW);
      expect(report).toMatchObject({
        outcome: 'recovered',
        problem: '2 damaged documents',
        documentsRecovered: 28,
        documentsDamaged: 2,
      });
      expect(describeRecovery(report)).toBe(
        `${file} (2 damaged documents): recovered 28 documents and 1 setting; dropped 2 damaged; ` +
          `about 0 in unreadable pages lost; the damaged file is kept at ${file}.damaged-20250102T030405Z`,
      );
    });

    it('says clearly when nothing can be read, keeps the damaged file and leaves an empty one', async () => {
      const file = join(dir, 'garbage.db');
      writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a));
      const before = digest(file);
      const report = await recoverDataFile(file, NOW);
      expect(report.documentsRecovered).toBe(0);
      expect(report.failure).toBeDefined();
      expect(describeRecovery(report)).toContain('nothing could be read');
      expect(digest(`${file}.damaged-20250102T030405Z`)).toBe(before);
      expect(await documentsIn(file)).toBe(0);
    });

    it('recovers documents that only the -wal held when the process died', async () => {
      const live = join(dir, 'live.db');
      const file = join(dir, 'wal.db');
      await writeDataFile(live, 300);
      const leaves = documentLeafPages(live);
      const middle = leaves[Math.floor(leaves.length / 2)] as number;
      const journal = await SqliteJournal.open(live);
      const { trace, documents } = demoTrace();
      journal.write(documents.map((d) => acceptedDocument(JSON.stringify(d))));
      copyFileSync(live, file); // the files as a kill -9 leaves them: the last batch only in the WAL
      copyFileSync(`${live}-wal`, `${file}-wal`);
      journal.close();
      overwrite(file, (middle - 1) * 4096, 4096);
      const report = await recoverDataFile(file, NOW);
      expect(report.outcome).toBe('recovered');
      expect(report.documentsRecovered).toBeGreaterThan(903 - 30); // one leaf of ≈ 16 documents lost;
      const { journal: recovered, documents: kept } = await openJournal(
        file,
        emptyStats(),
        () => {},
      );
      recovered.close();
      expect(kept.filter((d) => d.traceId === trace)).toHaveLength(3);
    });

    it('picks a free name when a damaged copy of the same second exists', async () => {
      const file = await damaged('twice.db', (f) => overwrite(f, 0, 100, 0));
      writeFileSync(`${file}.damaged-20250102T030405Z`, 'earlier');
      const report = await recoverDataFile(file, NOW);
      expect(report.damagedCopy).toBe(`${file}.damaged-20250102T030405Z-2`);
    });
  });

  describe('a file in use', () => {
    it('refuses and touches nothing', async () => {
      const file = join(dir, 'busy.db');
      await writeDataFile(file, 5);
      const holder = await SqliteJournal.open(file);
      await expect(recoverDataFile(file)).rejects.toMatchObject({ code: 'in-use' });
      holder.close();
    });
  });

  describe('starting on the recovered file', () => {
    it('serves the recovered traces', async () => {
      const file = join(dir, 'serve.db');
      const ids = await writeDataFile(file, 30);
      overwrite(file, 0, 100, 0);
      await recoverDataFile(file);
      const server = await startTestServer({ data: file });
      const out = await server.client.send(
        new BatchGetTracesCommand({ TraceIds: ids.slice(0, 5) }),
      );
      expect(out.Traces?.map((t) => t.Segments?.length)).toEqual([3, 3, 3, 3, 3]);
      await server.close();
    });
  });
});
