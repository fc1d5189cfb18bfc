import type { StoredDocument } from './stored-document.ts';
import type { StoredTrace } from './stored-trace.ts';

/**
 * Where traces live. The in-memory implementation is the only one; persistence is a journal
 * beside it (sqlite-journal.ts) so the query layer never waits on disk.
 */
export interface TraceStore {
  /** Adds a document to its trace (creating the trace); returns the trace IDs evicted to make room. */
  put(doc: StoredDocument): readonly string[];
  /** The trace, or undefined when unknown or evicted. */
  get(traceId: string): StoredTrace | undefined;
  /** Every stored trace, oldest first. */
  traces(): IterableIterator<StoredTrace>;
  /** Drops traces not updated since `cutoffMs`; returns their IDs. */
  expire(cutoffMs: number): string[];
  /** Drops everything. */
  clear(): void;
  /** Number of traces stored. */
  readonly size: number;
}
