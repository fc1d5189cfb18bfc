import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { DOCUMENT_COLUMNS } from './data-file-schema.ts';
import { documentFromRow } from './document-row.ts';
import type { StoredDocument } from './stored-document.ts';

/** What could be read from a damaged `--data` file. */
export interface Salvage {
  /** Readable documents with their row IDs, in arrival order. */
  documents: Array<{ seq: number; doc: StoredDocument }>;
  /** Readable rows whose document is not a readable segment (dropped). */
  damaged: number;
  /**
   * Row IDs SQLite could not read past: an estimate of the documents lost (IDs of rows deleted
   * earlier count too; rows a damaged page hides without an error do not); undefined when the
   * unreadable part runs to the end and the last ID is unknown.
   */
  unreadable: number | undefined;
  /** Settings (`kv` rows) whose value is JSON. */
  settings: Array<[string, string]>;
  /** Why nothing could be read, when the tables themselves are unreadable. */
  failure?: string;
}

const BATCH = 256;
const MAX_SEQ = 2 ** 53;

/**
 * Reads every row of a damaged journal that SQLite can still reach, row by row around damage: rows
 * are read in `seq` order by seeking (`seq > ?`), and when a seek fails the next readable row ID
 * is found by doubling then halving the step, so one bad page costs a few dozen queries and the
 * rows behind it are still read. Never throws.
 */
export function salvageRows(db: DatabaseSync): Salvage {
  const settings = readSettings(db);
  let seek: StatementSync;
  try {
    seek = db.prepare(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
  } catch (error) {
    return { documents: [], damaged: 0, unreadable: undefined, settings, failure: message(error) };
  }
  // A damaged b-tree can also answer with rows out of order: that counts as unreadable too.
  const read = (after: number, limit: number): Array<Record<string, unknown>> | undefined => {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = seek.all(after, limit);
    } catch {
      return undefined;
    }
    let previous = after;
    for (const row of rows) {
      const seq = row.seq;
      if (typeof seq !== 'number' || seq <= previous) return undefined;
      previous = seq;
    }
    return rows;
  };
  const out: Salvage = { documents: [], damaged: 0, unreadable: 0, settings };
  let after = 0;
  let limit = BATCH;
  for (;;) {
    const rows = read(after, limit) ?? (limit > 1 ? ((limit = 1), read(after, 1)) : undefined);
    if (rows === undefined) {
      const resume = nextReadable(after, (x) => read(x, 1) !== undefined);
      if (resume === undefined) {
        const last = lastSeq(db);
        out.unreadable =
          last === undefined ? undefined : (out.unreadable ?? 0) + Math.max(0, last - after);
        return out;
      }
      out.unreadable = (out.unreadable ?? 0) + resume - after;
      after = resume;
      limit = BATCH;
      continue;
    }
    if (rows.length === 0) return out;
    for (const row of rows) {
      const doc = documentFromRow(row);
      if (doc === undefined) out.damaged++;
      else out.documents.push({ seq: Number(row.seq), doc });
    }
    after = rows[rows.length - 1]?.seq as number;
  }
}

/** The smallest `x > after` for which `readable(x)` holds (doubling, then halving); else undefined. */
function nextReadable(after: number, readable: (x: number) => boolean): number | undefined {
  let step = 1;
  while (!readable(after + step)) {
    step *= 2;
    if (after + step > MAX_SEQ) return undefined;
  }
  let bad = after + step / 2;
  let good = after + step;
  if (step === 1) return good;
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    if (readable(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** The last row ID handed out, when `sqlite_sequence` can be read. */
function lastSeq(db: DatabaseSync): number | undefined {
  try {
    const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'documents'").get();
    return typeof row?.seq === 'number' ? row.seq : undefined;
  } catch {
    return undefined;
  }
}

function readSettings(db: DatabaseSync): Array<[string, string]> {
  try {
    return db
      .prepare('SELECT key, value FROM kv WHERE json_valid(value)')
      .all()
      .filter((r) => typeof r.key === 'string' && typeof r.value === 'string')
      .map((r) => [r.key as string, r.value as string]);
  } catch {
    return [];
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
