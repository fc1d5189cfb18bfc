import type { StoredLogRecord } from './stored-log-record.ts';

/** Default of `maxLogRecords` / `--max-log-records`. */
export const DEFAULT_MAX_LOG_RECORDS = 100_000;

const NONE: readonly StoredLogRecord[] = Object.freeze([]);

/**
 * Bounded in-memory log lines in arrival order, indexed by X-Ray trace ID. Beyond `maxRecords`
 * the oldest line is dropped (O(1) amortised); records without a trace ID are kept but not indexed.
 */
export class LogStore {
  readonly #max: number;
  #queue: Array<StoredLogRecord | undefined> = [];
  #head = 0;
  readonly #byTrace = new Map<string, StoredLogRecord[]>();
  #nextSeq = 1;

  constructor(maxRecords: number) {
    this.#max = Math.max(1, Math.floor(maxRecords));
  }

  /** Lines stored. */
  get size(): number {
    return this.#queue.length - this.#head;
  }

  /** The `seq` of the oldest line kept (the next one to be assigned when empty). */
  get firstSeq(): number {
    return this.#queue[this.#head]?.seq ?? this.#nextSeq;
  }

  /** Gives each record the next arrival number. */
  stamp<T extends object>(records: readonly T[]): Array<T & { seq: number }> {
    return records.map((r) => ({ ...r, seq: this.#nextSeq++ }));
  }

  /** Appends stamped records (arrival order); returns how many old lines were dropped for room. */
  append(records: readonly StoredLogRecord[]): number {
    for (const r of records) {
      this.#queue.push(r);
      if (r.seq >= this.#nextSeq) this.#nextSeq = r.seq + 1;
      if (r.traceId === undefined) continue;
      const list = this.#byTrace.get(r.traceId);
      if (list === undefined) this.#byTrace.set(r.traceId, [r]);
      else list.push(r);
    }
    let dropped = 0;
    while (this.size > this.#max) {
      this.#dropOldest();
      dropped++;
    }
    if (this.#head > 4096 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return dropped;
  }

  /** A trace's lines in arrival order (not a copy: do not modify). */
  forTrace(traceId: string): readonly StoredLogRecord[] {
    return this.#byTrace.get(traceId) ?? NONE;
  }

  #dropOldest(): void {
    const r = this.#queue[this.#head];
    if (r === undefined) return;
    this.#queue[this.#head++] = undefined; // let it be collected
    if (r.traceId === undefined) return;
    const list = this.#byTrace.get(r.traceId);
    // lines of a trace arrive in global order, so the globally oldest is its trace's first
    list?.shift();
    if (list?.length === 0) this.#byTrace.delete(r.traceId);
  }
}
