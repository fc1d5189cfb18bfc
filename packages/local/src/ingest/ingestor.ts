import type { LocalXRayStats } from '../stats.ts';
import type { SqliteJournal } from '../store/sqlite-journal.ts';
import type { StoredDocument } from '../store/stored-document.ts';
import type { TraceStore } from '../store/trace-store.ts';
import { acceptDocument, type UnprocessedSegment } from './accept-document.ts';
import type { ValidatedBatch } from './validated-batch.ts';

/** What one ingest batch (or a retention sweep) changed. */
export interface StoreChange {
  /** Traces that received documents. */
  touched: ReadonlySet<string>;
  /** Traces evicted or expired. */
  removed: readonly string[];
  /** Documents already received and still on their way to the store (UDP); 0 or absent when none. */
  backlog?: number;
}

/**
 * The single entry point for documents from every transport (UDP, PutTraceSegments, OTLP):
 * validate, store, journal (one transaction per batch, before the caller acknowledges), count.
 */
export class Ingestor {
  readonly #store: TraceStore;
  readonly #journal: SqliteJournal | undefined;
  readonly #stats: LocalXRayStats;
  readonly #now: () => number;
  readonly #listeners = new Set<(change: StoreChange) => void>();

  constructor(
    store: TraceStore,
    stats: LocalXRayStats,
    now: () => number,
    journal?: SqliteJournal,
  ) {
    this.#store = store;
    this.#stats = stats;
    this.#now = now;
    this.#journal = journal;
  }

  /** Ingests raw documents; returns the refused ones (PutTraceSegments' `UnprocessedTraceSegments`). */
  ingest(raws: readonly string[]): UnprocessedSegment[] {
    const now = this.#now();
    const unprocessed: UnprocessedSegment[] = [];
    const accepted: StoredDocument[] = [];
    for (const raw of raws) {
      const result = acceptDocument(raw, now);
      if (result.ok) accepted.push(result.document);
      else unprocessed.push(result.unprocessed);
    }
    this.#stats.documentsRejected += unprocessed.length;
    this.load(accepted, true);
    return unprocessed;
  }

  /**
   * Stores documents validated elsewhere (the UDP processing thread) and counts the refused ones;
   * `backlog` datagrams are still queued behind this batch.
   */
  ingestValidated(batch: ValidatedBatch, backlog = 0): void {
    const now = this.#now();
    const { raws, traceIds, ids, times, independent } = batch;
    const docs = new Array<StoredDocument>(raws.length);
    for (let i = 0; i < raws.length; i++) {
      const end = times[2 * i + 1] ?? Number.NaN;
      docs[i] = {
        traceId: traceIds[i] ?? '',
        id: ids[i] ?? '',
        raw: raws[i] ?? '',
        independent: independent[i] === 1,
        startTime: times[2 * i] ?? 0,
        endTime: Number.isNaN(end) ? undefined : end,
        receivedAt: now,
      };
    }
    this.#stats.documentsRejected += batch.documentsRejected;
    this.load(docs, true, backlog);
  }

  /** Puts already-accepted documents into the store (journal replay passes `persist: false`). */
  load(docs: readonly StoredDocument[], persist: boolean, backlog = 0): void {
    if (docs.length === 0) return;
    if (persist) this.#journal?.write(docs);
    const evicted: string[] = [];
    const touched = new Set<string>();
    for (const doc of docs) {
      for (const id of this.#store.put(doc)) evicted.push(id);
      touched.add(doc.traceId);
    }
    this.#stats.documentsAccepted += persist ? docs.length : 0;
    this.#stats.tracesEvicted += evicted.length;
    this.#stats.tracesStored = this.#store.size;
    this.#journal?.deleteTraces(evicted);
    this.#emit({ touched, removed: evicted, backlog });
  }

  /** Drops traces not updated within `retentionMs`. */
  expire(retentionMs: number): void {
    const gone = this.#store.expire(this.#now() - retentionMs);
    this.#stats.tracesExpired += gone.length;
    this.#stats.tracesStored = this.#store.size;
    this.#journal?.deleteTraces(gone);
    if (gone.length > 0) this.#emit({ touched: new Set(), removed: gone });
  }

  /** Calls `listener` after each batch with the traces touched and removed; returns an unsubscribe function. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: StoreChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
