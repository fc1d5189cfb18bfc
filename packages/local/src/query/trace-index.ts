import type { StoreChange } from '../ingest/ingestor.ts';
import type { StoredTrace } from '../store/stored-trace.ts';
import type { TraceStore } from '../store/trace-store.ts';
import { analyseTrace, type TraceAnalysis } from './analyse-trace.ts';
import type { FilterNode } from './filter/index.ts';

const CHUNK = 100;
const IDLE_MS = 25;
/** Wait after a batch that more received documents are queued behind (a UDP flood). */
const BUSY_MS = 500;

/**
 * Keeps trace analyses (facts, summaries, graph samples) precomputed and an index of annotation
 * values → trace IDs, so filtered queries over many traces stay fast. Analysis runs in small
 * chunks once ingest has been idle for a moment (it never competes with a busy UDP port: while
 * received datagrams are still queued it waits longer); a query
 * first analyses whatever is still pending.
 */
export class TraceIndex {
  readonly #store: TraceStore;
  readonly #dirty = new Set<string>();
  readonly #annotations = new Map<string, Map<string, Set<string>>>();
  readonly #indexed = new Map<string, Array<[string, string]>>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(store: TraceStore) {
    this.#store = store;
  }

  /** Traces waiting for analysis. */
  get pending(): number {
    return this.#dirty.size;
  }

  /** Records an ingest batch: touched traces become pending, removed ones leave the index. */
  onChange(change: StoreChange): void {
    for (const id of change.removed) {
      this.#dirty.delete(id);
      this.#unindex(id);
    }
    for (const id of change.touched) this.#dirty.add(id);
    if (this.#closed || this.#dirty.size === 0) return;
    clearTimeout(this.#timer);
    const wait = (change.backlog ?? 0) > 0 ? BUSY_MS : IDLE_MS;
    this.#timer = setTimeout(() => this.#background(), wait).unref();
  }

  /** The analysis of a trace, indexing it if it changed. */
  analyse(trace: StoredTrace): TraceAnalysis | undefined {
    const fresh = (trace.cache as TraceAnalysis | undefined)?.revision === trace.revision;
    const analysis = analyseTrace(trace);
    if (!fresh && analysis !== undefined) this.#reindex(trace.id, analysis);
    this.#dirty.delete(trace.id);
    return analysis;
  }

  /** Analyses every pending trace now. */
  drain(): void {
    for (const id of [...this.#dirty]) {
      const trace = this.#store.get(id);
      if (trace === undefined) this.#dirty.delete(id);
      else this.analyse(trace);
    }
  }

  /**
   * Traces that can match a filter, from the annotation index when the expression requires
   * `annotation.KEY = value` (top level or inside AND; OR of such terms gives the union);
   * undefined when the whole store must be scanned.
   */
  candidates(ast: FilterNode | undefined): StoredTrace[] | undefined {
    const ids = ast === undefined ? undefined : this.#plan(ast);
    if (ids === undefined) return undefined;
    this.drain();
    const out: StoredTrace[] = [];
    for (const id of ids) {
      const trace = this.#store.get(id);
      if (trace !== undefined) out.push(trace);
    }
    return out;
  }

  /** Stops background work; idempotent. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #plan(ast: FilterNode): Set<string> | undefined {
    if (ast.kind === 'annotation' && ast.op === '=' && ast.value !== undefined) {
      this.drain();
      return this.#annotations.get(ast.key)?.get(valueKey(ast.value.value)) ?? new Set();
    }
    if (ast.kind === 'and') {
      for (const operand of ast.operands) {
        const plan = this.#plan(operand);
        if (plan !== undefined) return plan;
      }
      return undefined;
    }
    if (ast.kind === 'or') {
      const union = new Set<string>();
      for (const operand of ast.operands) {
        const plan = this.#plan(operand);
        if (plan === undefined) return undefined;
        for (const id of plan) union.add(id);
      }
      return union;
    }
    return undefined;
  }

  #background(): void {
    if (this.#closed) return;
    let n = 0;
    for (const id of this.#dirty) {
      if (n++ >= CHUNK) break;
      const trace = this.#store.get(id);
      if (trace === undefined) this.#dirty.delete(id);
      else this.analyse(trace);
    }
    if (this.#dirty.size > 0) this.#timer = setTimeout(() => this.#background(), 0).unref();
  }

  #reindex(id: string, analysis: TraceAnalysis): void {
    this.#unindex(id);
    const entries: Array<[string, string]> = [];
    for (const [key, values] of analysis.facts.annotations) {
      let byValue = this.#annotations.get(key);
      if (byValue === undefined)
        this.#annotations.set(key, (byValue = new Map<string, Set<string>>()));
      for (const v of values) {
        const k = valueKey(v);
        let set = byValue.get(k);
        if (set === undefined) byValue.set(k, (set = new Set<string>()));
        set.add(id);
        entries.push([key, k]);
      }
    }
    if (entries.length > 0) this.#indexed.set(id, entries);
  }

  #unindex(id: string): void {
    const entries = this.#indexed.get(id);
    if (entries === undefined) return;
    for (const [key, k] of entries) {
      const byValue = this.#annotations.get(key);
      const set = byValue?.get(k);
      set?.delete(id);
      if (set?.size === 0) byValue?.delete(k);
      if (byValue?.size === 0) this.#annotations.delete(key);
    }
    this.#indexed.delete(id);
  }
}

function valueKey(v: string | number | boolean): string {
  return `${typeof v}:${String(v)}`;
}
