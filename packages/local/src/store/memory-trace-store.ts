import type { StoredDocument } from './stored-document.ts';
import { StoredTrace } from './stored-trace.ts';
import type { TraceStore } from './trace-store.ts';

const NONE: readonly string[] = Object.freeze([]);

/**
 * A bounded in-memory {@link TraceStore}: a Map in creation order, so the oldest trace is the first
 * key and eviction is O(1).
 */
export class MemoryTraceStore implements TraceStore {
  readonly #traces = new Map<string, StoredTrace>();
  readonly #maxTraces: number;

  constructor(maxTraces: number) {
    this.#maxTraces = Math.max(1, Math.floor(maxTraces));
  }

  get size(): number {
    return this.#traces.size;
  }

  put(doc: StoredDocument): readonly string[] {
    let trace = this.#traces.get(doc.traceId);
    let evicted: readonly string[] = NONE;
    if (trace === undefined) {
      if (this.#traces.size >= this.#maxTraces) evicted = this.#evict();
      trace = new StoredTrace(doc.traceId);
      this.#traces.set(doc.traceId, trace);
    }
    trace.add(doc);
    return evicted;
  }

  #evict(): string[] {
    const evicted: string[] = [];
    while (this.#traces.size >= this.#maxTraces) {
      const oldest = this.#traces.keys().next().value;
      if (oldest === undefined) break;
      this.#traces.delete(oldest);
      evicted.push(oldest);
    }
    return evicted;
  }

  get(traceId: string): StoredTrace | undefined {
    return this.#traces.get(traceId);
  }

  traces(): IterableIterator<StoredTrace> {
    return this.#traces.values();
  }

  expire(cutoffMs: number): string[] {
    const gone: string[] = [];
    for (const [id, trace] of this.#traces) {
      if (trace.updatedAt < cutoffMs) {
        this.#traces.delete(id);
        gone.push(id);
      }
    }
    return gone;
  }

  clear(): void {
    this.#traces.clear();
  }
}
