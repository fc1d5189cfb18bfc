import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { transaction } from './data-file-schema.ts';
import type { StoredLogRecord } from './stored-log-record.ts';

/** What {@link LogJournal.load} read back. */
export interface LogJournalContents {
  /** Readable lines in arrival order. */
  records: StoredLogRecord[];
  /** Rows skipped because their JSON is not a log line. */
  damaged: number;
}

/**
 * The `log_records` table of a `--data` file: each line as JSON under its arrival number, written
 * in one transaction per request before it is acknowledged; lines dropped from memory are deleted.
 */
export class LogJournal {
  readonly #db: DatabaseSync;
  readonly #closed: () => boolean;
  readonly #insert: StatementSync;
  readonly #deleteBefore: StatementSync;

  constructor(db: DatabaseSync, closed: () => boolean) {
    this.#db = db;
    this.#closed = closed;
    this.#insert = db.prepare(
      'INSERT OR REPLACE INTO log_records (seq, trace_id, raw) VALUES (?, ?, ?)',
    );
    this.#deleteBefore = db.prepare('DELETE FROM log_records WHERE seq < ?');
  }

  /** Every readable line in arrival order; damaged rows are skipped and counted. */
  load(): LogJournalContents {
    const records: StoredLogRecord[] = [];
    let damaged = 0;
    for (const row of this.#db.prepare('SELECT seq, raw FROM log_records ORDER BY seq').iterate()) {
      const record = fromRow(row.seq, row.raw);
      if (record === undefined) damaged++;
      else records.push(record);
    }
    return { records, damaged };
  }

  /** Appends lines in one transaction. */
  write(records: readonly StoredLogRecord[]): void {
    if (this.#closed() || records.length === 0) return;
    transaction(this.#db, () => {
      for (const r of records) {
        const { seq, ...line } = r;
        this.#insert.run(seq, r.traceId ?? null, JSON.stringify(line));
      }
    });
  }

  /** Forgets lines older than `seq` (dropped from memory). */
  deleteBefore(seq: number): void {
    if (!this.#closed()) this.#deleteBefore.run(seq);
  }
}

function fromRow(seq: unknown, raw: unknown): StoredLogRecord | undefined {
  if (typeof seq !== 'number' || typeof raw !== 'string') return undefined;
  let line: unknown;
  try {
    line = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const r = line as Partial<StoredLogRecord> | null;
  if (r === null || typeof r !== 'object' || typeof r.time !== 'number') return undefined;
  if (typeof r.message !== 'string' || typeof r.service !== 'string') return undefined;
  if (typeof r.level !== 'string' || typeof r.attributes !== 'object' || r.attributes === null)
    return undefined;
  return { ...(r as StoredLogRecord), seq };
}
