// `--data` files for the store tests: a journal of N three-segment traces, and the damage a disk,
// an editor or a half-finished copy does to it.
import { openSync, closeSync, statSync, truncateSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { SqliteJournal } from '../../src/store/sqlite-journal.ts';
import type { StoredDocument } from '../../src/store/stored-document.ts';
import { nowSeconds, segment, traceId } from './documents.ts';

/** Writes `traces` traces of three documents each (one transaction per trace); returns their IDs. */
export async function writeDataFile(file: string, traces: number): Promise<string[]> {
  const journal = await SqliteJournal.open(file);
  const ids: string[] = [];
  const t0 = nowSeconds() - 60;
  for (let t = 0; t < traces; t++) {
    const trace = traceId(t0);
    ids.push(trace);
    const docs: StoredDocument[] = ['orders', 'inventory', 'shipping'].map((name, i) => {
      const start = t0 + i * 0.1;
      const doc = segment({ trace, name, start, end: start + 0.05, annotations: { n: t } });
      return {
        traceId: trace,
        id: String(doc.id),
        raw: JSON.stringify(doc),
        independent: false,
        startTime: start,
        endTime: start + 0.05,
        receivedAt: Date.now(),
      };
    });
    journal.write(docs);
  }
  journal.putSetting('groups', []);
  journal.close();
  return ids;
}

/** Page numbers of the leaves of the `documents` table, in file order (4,096-byte pages). */
export function documentLeafPages(file: string): number[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare(
        "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' ORDER BY pageno",
      )
      .all()
      .map((r) => Number(r.pageno));
  } finally {
    db.close();
  }
}

/** Overwrites `length` bytes at `offset` with 0xA5 (as a bad sector or a stray write would). */
export function overwrite(file: string, offset: number, length: number, byte = 0xa5): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, byte), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Cuts the file to half its size (an interrupted copy). */
export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

/** sha256 of a file's bytes. */
export function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
