import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { toDataFileError } from './data-file-error.ts';
import { ownHolder, removeHolder, writeHolder, type LockHolder } from './data-file-lock.ts';
import { DOCUMENT_COLUMNS, transaction } from './data-file-schema.ts';
import { documentFromRow } from './document-row.ts';
import { LogJournal } from './log-journal.ts';
import { openDataFile } from './open-data-file.ts';
import type { StoredDocument } from './stored-document.ts';

/** What {@link SqliteJournal.load} read back. */
export interface JournalContents {
  /** Readable documents in arrival order. */
  documents: StoredDocument[];
  /** Rows skipped because their document is not a readable segment. */
  damaged: number;
}

/**
 * Write-through persistence in `node:sqlite`: every accepted raw document is written (one
 * transaction per ingest batch) before it is acknowledged, and replayed into the memory store on
 * start. WAL + synchronous=NORMAL: a process crash or restart loses nothing committed. One writer
 * per file: {@link SqliteJournal.open} takes SQLite's exclusive lock and a lock record naming
 * this process (`<file>.lock`), both released by {@link SqliteJournal.close}.
 */
export class SqliteJournal {
  readonly #file: string;
  readonly #db: DatabaseSync;
  readonly #holder: LockHolder;
  readonly #insert: StatementSync;
  readonly #deleteTrace: StatementSync;
  readonly #putKv: StatementSync;
  #closed = false;
  /** The log lines' table in the same file. */
  readonly logs: LogJournal;

  /** Opens and locks `file`; rejects with a `DataFileError` (in use, damaged, unusable). */
  static async open(file: string): Promise<SqliteJournal> {
    return new SqliteJournal(file, await openDataFile(file));
  }

  private constructor(file: string, db: DatabaseSync) {
    this.#file = file;
    this.#db = db;
    this.#holder = ownHolder();
    writeHolder(file, this.#holder);
    this.#insert = db.prepare(
      'INSERT INTO documents (trace_id, id, raw, independent, start_time, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#deleteTrace = db.prepare('DELETE FROM documents WHERE trace_id = ?');
    this.#putKv = db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)');
    this.logs = new LogJournal(db, () => this.#closed);
  }

  /**
   * Every readable document in arrival order (later copies of an ID come later and replace); rows
   * whose document is not a readable segment are skipped and counted. Throws a `DataFileError`
   * when pages cannot be read.
   */
  load(): JournalContents {
    const documents: StoredDocument[] = [];
    let damaged = 0;
    try {
      const select = this.#db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY seq`);
      for (const row of select.iterate()) {
        const doc = documentFromRow(row);
        if (doc === undefined) damaged++;
        else documents.push(doc);
      }
    } catch (error) {
      throw toDataFileError(this.#file, error);
    }
    return { documents, damaged };
  }

  /** Records the bound port in the lock record, so a second instance's message names it. */
  announcePort(port: number): void {
    if (!this.#closed) writeHolder(this.#file, { ...this.#holder, port });
  }

  /** Appends documents in one transaction. */
  write(docs: readonly StoredDocument[]): void {
    if (this.#closed || docs.length === 0) return;
    transaction(this.#db, () => {
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
    transaction(this.#db, () => {
      for (const id of traceIds) this.#deleteTrace.run(id);
    });
  }

  /** Reads a JSON setting (groups, configuration); undefined when absent or not JSON. */
  getSetting(key: string): unknown {
    if (this.#closed) return undefined;
    const row = this.#db.prepare('SELECT value FROM kv WHERE key = ?').get(key);
    if (row === undefined) return undefined;
    try {
      return JSON.parse(String(row.value)) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Writes a JSON setting. */
  putSetting(key: string, value: unknown): void {
    if (!this.#closed) this.#putKv.run(key, JSON.stringify(value));
  }

  /** Closes the database (releasing the lock) and removes the lock record; idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
    removeHolder(this.#file, this.#holder.pid);
  }
}
