import type { LocalXRayStats } from '../stats.ts';
import type { LogJournal } from '../store/log-journal.ts';
import type { LogStore } from '../store/log-store.ts';
import type { StoredLogRecord } from '../store/stored-log-record.ts';
import type { NewLogRecord } from './otlp/otlp-to-log-records.ts';

/**
 * The entry point for log lines (`/v1/logs`): number them, journal them (one transaction, before
 * the request is answered), store them, count what was dropped for room.
 */
export class LogIngestor {
  readonly #store: LogStore;
  readonly #stats: LocalXRayStats;
  readonly #journal: LogJournal | undefined;

  constructor(store: LogStore, stats: LocalXRayStats, journal?: LogJournal) {
    this.#store = store;
    this.#stats = stats;
    this.#journal = journal;
  }

  /** Stores new lines; the oldest beyond the bound are dropped and counted in `logRecordsDropped`. */
  ingest(records: readonly NewLogRecord[]): void {
    if (records.length === 0) return;
    const stamped = this.#store.stamp(records);
    this.#journal?.write(stamped);
    const dropped = this.#store.append(stamped);
    this.#stats.logRecordsDropped += dropped;
    this.#stats.logRecords = this.#store.size;
    if (dropped > 0) this.#journal?.deleteBefore(this.#store.firstSeq);
  }

  /** Replays journaled lines at start (trimmed to the bound without counting them as dropped). */
  load(records: readonly StoredLogRecord[]): void {
    if (this.#store.append(records) > 0) this.#journal?.deleteBefore(this.#store.firstSeq);
    this.#stats.logRecords = this.#store.size;
  }
}
