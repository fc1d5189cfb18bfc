// Per-rule sampling state and the decision algorithm (spec §8.4): a quota from the service (or a
// local `fixed_target`) per whole second; without a live quota, borrow one request per second when
// the rule has a reservoir; then the fixed rate. Pure: time and randomness come in as arguments.

/** How a decision was reached. */
export type Outcome = 'reservoir' | 'borrowed' | 'rate' | 'not-sampled';

/** Counters and target of one rule; kept across rule refreshes by name. */
export class RuleState {
  /** Counters since the last report. */
  requests = 0;
  sampled = 0;
  borrowed = 0;
  /** Quota from the last target, requests per second. */
  quota: number | undefined = undefined;
  /** Quota expiry, epoch ms. */
  quotaExpiresAt = 0;
  /** `FixedRate` from the last target. */
  rate: number | undefined = undefined;
  /** Earliest time of the next report, epoch ms. */
  nextReportAt = 0;
  #second = Number.NaN;
  #taken = 0;
  #borrowedThisSecond = 0;

  /**
   * Decides one request and counts it.
   * @param fixedTarget - a permanent local quota (rules files); overrides any service quota
   */
  decide(
    now: number,
    random: () => number,
    fixedRate: number,
    reservoirSize: number,
    fixedTarget?: number,
  ): Outcome {
    this.requests++;
    const second = Math.floor(now / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#taken = 0;
      this.#borrowedThisSecond = 0;
    }
    const quota =
      fixedTarget ??
      (this.quota !== undefined && now <= this.quotaExpiresAt ? this.quota : undefined);
    if (quota !== undefined) {
      if (this.#taken < quota) {
        this.#taken++;
        this.sampled++;
        return 'reservoir';
      }
    } else if (reservoirSize > 0 && this.#borrowedThisSecond < 1) {
      this.#borrowedThisSecond++;
      this.borrowed++;
      this.sampled++;
      return 'borrowed';
    }
    if (random() < (this.rate ?? fixedRate)) {
      this.sampled++;
      return 'rate';
    }
    return 'not-sampled';
  }

  /** Whether a live service quota exists at `now`. */
  hasQuota(now: number): boolean {
    return this.quota !== undefined && now <= this.quotaExpiresAt;
  }

  /** Returns and resets the counters. */
  takeCounts(): { requests: number; sampled: number; borrowed: number } {
    const counts = { requests: this.requests, sampled: this.sampled, borrowed: this.borrowed };
    this.requests = 0;
    this.sampled = 0;
    this.borrowed = 0;
    return counts;
  }

  /** Adds counts back after a failed report. */
  restoreCounts(counts: { requests: number; sampled: number; borrowed: number }): void {
    this.requests += counts.requests;
    this.sampled += counts.sampled;
    this.borrowed += counts.borrowed;
  }
}
