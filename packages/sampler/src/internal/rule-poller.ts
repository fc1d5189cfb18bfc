// The centralized half (spec §8.3): fetch rules at start and every ~5 min, report statistics and
// apply targets every ~10 s, refetch early when LastRuleModification says so. The cache is valid
// for 1 h after the last successful fetch. Timers are unref'd; nothing here runs on the hot path.
import { diag } from '@opentelemetry/api';
import type { SamplingStatisticsDocument, SamplingTransport } from '../types.ts';
import { centralizedRules } from './centralized-rules.ts';
import type { ResourceProperties } from './request-properties.ts';
import { RuleSet } from './rule-set.ts';
import type { RuleState } from './rule-state.ts';

const log = diag.createComponentLogger({ namespace: '@otel-xray/sampler' });

/**
 * Until the first fetch succeeds, rules are retried after 1 s, 2 s, 4 s … instead of the full
 * interval: an app started a moment before its daemon (or local X-Ray) would otherwise sample by
 * the local fallback (1/s + 5 %) for five minutes.
 */
const FIRST_RETRY_MS = 1_000;

/** Settings of the poller; times in ms. */
export interface RulePollerOptions {
  transport: SamplingTransport;
  /** For messages only. */
  describe: string;
  resource: ResourceProperties;
  clientId: string;
  now: () => number;
  random: () => number;
  rulesIntervalMs: number;
  targetsIntervalMs: number;
  cacheTtlMs: number;
}

/** Centralized rules cache plus the two pollers. */
export class RulePoller {
  readonly #o: RulePollerOptions;
  #rules: RuleSet | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #failing = false;
  #inFlight: Promise<boolean> | undefined;
  #targetsIntervalMs: number;
  #rulesTimer: NodeJS.Timeout | undefined;
  #targetsTimer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** While no rules were ever fetched: the next retry's delay (1 s, doubling to the interval). */
  #retryMs = FIRST_RETRY_MS;

  constructor(options: RulePollerOptions) {
    this.#o = options;
    this.#targetsIntervalMs = options.targetsIntervalMs;
  }

  /** The cached rules while fresh, else `undefined` (the caller falls back to local rules). */
  active(now: number): RuleSet | undefined {
    return now - this.#fetchedAt <= this.#o.cacheTtlMs ? this.#rules : undefined;
  }

  /** Epoch ms of the last successful fetch (−∞ if none). */
  get fetchedAt(): number {
    return this.#fetchedAt;
  }

  /** Starts polling: rules now, targets after one interval. */
  start(): void {
    this.#scheduleRules(0);
    this.#scheduleTargets();
  }

  /** Fetches all rule pages; keeps the cache on failure. Resolves `true` on success. */
  refreshRules(): Promise<boolean> {
    this.#inFlight ??= this.#fetchRules().finally(() => (this.#inFlight = undefined));
    return this.#inFlight;
  }

  async #fetchRules(): Promise<boolean> {
    try {
      const records = [];
      let token: string | undefined;
      for (let page = 0; page < 100; page++) {
        const out = await this.#o.transport.getSamplingRules(
          token === undefined ? {} : { NextToken: token },
        );
        records.push(...(out.SamplingRuleRecords ?? []));
        token = out.NextToken;
        if (!token) break;
      }
      const { rules, skipped } = centralizedRules(records);
      for (const reason of skipped) log.debug(`sampling rule skipped: ${reason}`);
      this.#rules = new RuleSet(rules, this.#o.resource, 'centralized', this.#rules);
      this.#fetchedAt = this.#o.now();
      if (this.#failing)
        log.info(`sampling rules from ${this.#o.describe} are back (${rules.length} rules)`);
      this.#failing = false;
      return true;
    } catch (error) {
      if (!this.#failing) {
        log.warn(
          `cannot fetch sampling rules from ${this.#o.describe} (${(error as Error).message}); ` +
            (this.#rules
              ? 'keeping cached rules for up to 1 h'
              : 'sampling by the local rules (1 request/s, then 5 %) until it answers; retrying in 1 s, then less often'),
        );
      }
      this.#failing = true;
      return false;
    }
  }

  /** Reports the rules matched since their last report and applies the targets. */
  async reportStatistics(): Promise<boolean> {
    const set = this.#rules;
    if (!set) return true;
    const now = this.#o.now();
    const taken: { state: RuleState; doc: SamplingStatisticsDocument }[] = [];
    for (const rule of set.rules) {
      const state = rule.state;
      if (state.requests === 0 || now < state.nextReportAt) continue;
      const c = state.takeCounts();
      const doc = {
        RuleName: rule.definition.name,
        ClientID: this.#o.clientId,
        Timestamp: Math.floor(now / 1000),
        RequestCount: c.requests,
        SampledCount: c.sampled,
        BorrowCount: c.borrowed,
      };
      taken.push({ state, doc });
    }
    let ok = true;
    for (let i = 0; i < taken.length; i += 25) {
      const chunk = taken.slice(i, i + 25);
      try {
        const out = await this.#o.transport.getSamplingTargets({
          SamplingStatisticsDocuments: chunk.map((t) => t.doc),
        });
        this.#applyTargets(out.SamplingTargetDocuments ?? [], now);
        for (const u of out.UnprocessedStatistics ?? []) {
          log.debug(
            `statistics for ${u.RuleName ?? '?'} rejected: ${u.ErrorCode ?? ''} ${u.Message ?? ''}`,
          );
        }
        if ((out.LastRuleModification ?? 0) * 1000 > this.#fetchedAt) void this.refreshRules();
      } catch (error) {
        for (const t of chunk) {
          t.state.restoreCounts({
            requests: t.doc.RequestCount,
            sampled: t.doc.SampledCount,
            borrowed: t.doc.BorrowCount,
          });
        }
        log.debug(
          `cannot report sampling statistics to ${this.#o.describe}: ${(error as Error).message}`,
        );
        ok = false;
      }
    }
    return ok;
  }

  #applyTargets(
    targets: NonNullable<
      Awaited<ReturnType<SamplingTransport['getSamplingTargets']>>['SamplingTargetDocuments']
    >,
    now: number,
  ): void {
    let minInterval: number | undefined;
    for (const t of targets) {
      const state = t.RuleName === undefined ? undefined : this.#rules?.byName(t.RuleName)?.state;
      if (!state) continue;
      const intervalMs =
        (typeof t.Interval === 'number' && t.Interval > 0 ? t.Interval : 10) * 1000;
      if (typeof t.FixedRate === 'number') state.rate = t.FixedRate;
      if (typeof t.ReservoirQuota === 'number') {
        state.quota = t.ReservoirQuota;
        state.quotaExpiresAt =
          typeof t.ReservoirQuotaTTL === 'number' ? t.ReservoirQuotaTTL * 1000 : now + intervalMs;
      }
      state.nextReportAt = now + intervalMs;
      minInterval = Math.min(minInterval ?? intervalMs, intervalMs);
    }
    if (minInterval !== undefined) this.#targetsIntervalMs = Math.max(1000, minInterval);
  }

  #scheduleRules(delayMs: number): void {
    if (this.#stopped) return;
    this.#rulesTimer = setTimeout(() => {
      void this.refreshRules().then((ok) => {
        if (ok || this.#rules !== undefined || this.#retryMs >= this.#o.rulesIntervalMs) {
          this.#scheduleRules(this.#o.rulesIntervalMs + this.#o.random() * 5000);
          return;
        }
        this.#scheduleRules(this.#retryMs);
        this.#retryMs *= 2;
      });
    }, delayMs);
    this.#rulesTimer.unref();
  }

  #scheduleTargets(): void {
    if (this.#stopped) return;
    this.#targetsTimer = setTimeout(
      () => {
        void this.reportStatistics().finally(() => this.#scheduleTargets());
      },
      this.#targetsIntervalMs + this.#o.random() * 100,
    );
    this.#targetsTimer.unref();
  }

  /** Stops both pollers. Idempotent. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#rulesTimer);
    clearTimeout(this.#targetsTimer);
  }
}
