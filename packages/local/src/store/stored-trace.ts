import type { StoredDocument } from './stored-document.ts';

/**
 * The documents of one trace, keyed by (sub)segment ID: a later document with the same ID replaces
 * the earlier one (in-progress → complete), as X-Ray does. `revision` counts accepted documents;
 * the query layer caches its analysis per revision.
 */
export class StoredTrace {
  /** Trace ID. */
  readonly id: string;
  /** Epoch seconds written in the trace ID. */
  readonly idEpoch: number;
  /** Documents by (sub)segment ID. */
  readonly documents = new Map<string, StoredDocument>();
  /** Incremented on every accepted document. */
  revision = 0;
  /** Earliest `start_time` seen (epoch seconds). */
  startTime = Number.POSITIVE_INFINITY;
  /** Latest `end_time` (or `start_time` when none ended) seen (epoch seconds). */
  endTime = 0;
  /** Last time a document arrived (epoch milliseconds). */
  updatedAt = 0;
  /** Query-layer cache slot; reset by {@link StoredTrace.add}. */
  cache: unknown = undefined;

  constructor(id: string) {
    this.id = id;
    this.idEpoch = parseInt(id.slice(2, 10), 16);
  }

  /** Adds or replaces a document. */
  add(doc: StoredDocument): void {
    this.documents.set(doc.id, doc);
    this.revision++;
    this.updatedAt = doc.receivedAt;
    if (doc.startTime < this.startTime) this.startTime = doc.startTime;
    const end = doc.endTime ?? doc.startTime;
    if (end > this.endTime) this.endTime = end;
    this.cache = undefined;
  }
}
