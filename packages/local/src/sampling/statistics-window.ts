// Per-rule request/sample/borrow counts reported by clients, summed over a rolling window of
// whole seconds (by time of receipt) for GetSamplingStatisticSummaries.

/** Counts reported in one second. */
interface Bucket {
  requests: number;
  sampled: number;
  borrowed: number;
}

/** Sums of the counts received in the window and when the window starts. */
export interface WindowTotals {
  /** Epoch seconds of the oldest second with data, or of the window start if none. */
  start: number;
  requests: number;
  sampled: number;
  borrowed: number;
}

/** Rolling per-rule statistics; `now` values are epoch milliseconds. */
export class StatisticsWindow {
  readonly #rules = new Map<string, Map<number, Bucket>>();
  readonly #seconds: number;

  /** @param seconds - length of the rolling window */
  constructor(seconds: number) {
    this.#seconds = seconds;
  }

  /** Adds one client report for `rule`. */
  add(rule: string, counts: Bucket, now: number): void {
    let buckets = this.#rules.get(rule);
    if (!buckets) {
      buckets = new Map();
      this.#rules.set(rule, buckets);
    }
    const second = Math.floor(now / 1000);
    const bucket = buckets.get(second) ?? { requests: 0, sampled: 0, borrowed: 0 };
    bucket.requests += counts.requests;
    bucket.sampled += counts.sampled;
    bucket.borrowed += counts.borrowed;
    buckets.set(second, bucket);
  }

  /** Totals for `rule` over the window ending at `now`; drops expired seconds. */
  totals(rule: string, now: number): WindowTotals {
    const first = Math.floor(now / 1000) - this.#seconds + 1;
    const out: WindowTotals = { start: first, requests: 0, sampled: 0, borrowed: 0 };
    let oldest = Number.POSITIVE_INFINITY;
    const buckets = this.#rules.get(rule);
    for (const [second, b] of buckets ?? []) {
      if (second < first) {
        buckets?.delete(second);
        continue;
      }
      oldest = Math.min(oldest, second);
      out.requests += b.requests;
      out.sampled += b.sampled;
      out.borrowed += b.borrowed;
    }
    if (oldest !== Number.POSITIVE_INFINITY) out.start = oldest;
    return out;
  }

  /** Forgets a rule (deleted). */
  forget(rule: string): void {
    this.#rules.delete(rule);
  }
}
