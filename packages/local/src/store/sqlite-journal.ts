import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { StoredDocument } from './stored-document.ts';

/**
 * Write-through persistence in `node:sqlite`: every accepted raw document is written (one
 * transaction per ingest batch) before it is acknowledged, and replayed into the memory store on
 * start. WAL + synchronous=NORMAL: a process crash or restart loses nothing committed.
 */
export class SqliteJournal {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #deleteTrace: StatementSync;
  readonly #putKv: StatementSync;
  #closed = false;

  constructor(file: string) {
    this.#db = new DatabaseSync(file);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        trace_id TEXT NOT NULL, id TEXT NOT NULL, raw TEXT NOT NULL,
        independent INTEGER NOT NULL, start_time REAL NOT NULL, end_time REAL,
        received_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS documents_trace ON documents (trace_id);
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    this.#insert = this.#db.prepare(
      'INSERT INTO documents (trace_id, id, raw, independent, start_time, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#deleteTrace = this.#db.prepare('DELETE FROM documents WHERE trace_id = ?');
    this.#putKv = this.#db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)');
  }

  /** Every stored document in arrival order (later copies of an ID come later and replace). */
  load(): StoredDocument[] {
    const rows = this.#db.prepare('SELECT * FROM documents ORDER BY seq').all();
    return rows.map((r) => ({
      traceId: String(r.trace_id),
      id: String(r.id),
      raw: String(r.raw),
      independent: r.independent === 1,
      startTime: Number(r.start_time),
      ...(r.end_time === null ? {} : { endTime: Number(r.end_time) }),
      receivedAt: Number(r.received_at),
    }));
  }

  /** Appends documents in one transaction. */
  write(docs: readonly StoredDocument[]): void {
    if (this.#closed || docs.length === 0) return;
    this.#transaction(() => {
      for (const d of docs) {
        this.#insert.run(
          d.traceId,
          d.id,
          d.raw,
          d.independent ? 1 : 0,
          d.startTime,
          d.endTime ?? null,
          d.receivedAt,
        );
      }
    });
  }

  /** Forgets evicted or expired traces. */
  deleteTraces(traceIds: readonly string[]): void {
    if (this.#closed || traceIds.length === 0) return;
    this.#transaction(() => {
      for (const id of traceIds) this.#deleteTrace.run(id);
    });
  }

  /** Reads a JSON setting (groups, configuration). */
  getSetting(key: string): unknown {
    if (this.#closed) return undefined;
    const row = this.#db.prepare('SELECT value FROM kv WHERE key = ?').get(key);
    return row === undefined ? undefined : (JSON.parse(String(row.value)) as unknown);
  }

  /** Writes a JSON setting. */
  putSetting(key: string, value: unknown): void {
    if (!this.#closed) this.#putKv.run(key, JSON.stringify(value));
  }

  /** Closes the database; idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
