// The sampling half of the local X-Ray API: rules CRUD, targets with real reservoir accounting,
// statistic summaries. Pure: the clock is injected; methods take decoded JSON and return JSON.
import { invalidRequest } from '../errors.ts';
import { asObject, optionalString } from './field-checks.ts';
import { ReservoirAllocator } from './reservoir-allocator.ts';
import { RuleStore } from './rule-store.ts';
import { parseNewSamplingRule, parseSamplingRuleUpdate } from './rule-validation.ts';
import { StatisticsWindow } from './statistics-window.ts';
import { parseSamplingTargetsInput } from './statistics-input.ts';
import type {
  GetSamplingRulesOutput,
  GetSamplingStatisticSummariesOutput,
  GetSamplingTargetsOutput,
  SamplingRuleOutput,
} from './types.ts';

/** Settings of a {@link SamplingService}; every member has a default. */
export interface SamplingServiceOptions {
  /** Region in rule ARNs. Default `us-east-1`. */
  region?: string;
  /** Account in rule ARNs. Default `000000000000`. */
  accountId?: string;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Rules allowed besides `Default`. Default 25. */
  maxRules?: number;
  /** Lifetime of an assigned reservoir quota. Default 60 s. */
  quotaTtlSeconds?: number;
  /** `Interval` told to clients. Default 10 s. */
  intervalSeconds?: number;
  /** A client shares a rule's reservoir while it reported within this time. Default 1.5 × interval. */
  activeClientSeconds?: number;
  /** Rolling window of GetSamplingStatisticSummaries. Default 60 s. */
  summaryWindowSeconds?: number;
  /** Records per GetSamplingRules page. Default 100. */
  pageSize?: number;
}

/**
 * In-memory X-Ray sampling backend. Errors are thrown as `XRayError` for the HTTP layer to map.
 *
 * @example
 * const sampling = new SamplingService({ now: () => clock.now });
 * sampling.createSamplingRule({ SamplingRule: { RuleName: 'orders', Priority: 100, … } });
 * sampling.getSamplingTargets({ SamplingStatisticsDocuments: [...] });
 */
export class SamplingService {
  readonly #now: () => number;
  readonly #store: RuleStore;
  readonly #allocator: ReservoirAllocator;
  readonly #window: StatisticsWindow;
  readonly #quotaTtl: number;
  readonly #interval: number;
  readonly #pageSize: number;

  constructor(options: SamplingServiceOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#interval = options.intervalSeconds ?? 10;
    this.#quotaTtl = options.quotaTtlSeconds ?? 60;
    this.#pageSize = options.pageSize ?? 100;
    this.#store = new RuleStore(
      {
        region: options.region ?? 'us-east-1',
        accountId: options.accountId ?? '000000000000',
        maxRules: options.maxRules ?? 25,
      },
      () => this.#now() / 1000,
    );
    this.#allocator = new ReservoirAllocator(
      (options.activeClientSeconds ?? this.#interval * 1.5) * 1000,
    );
    this.#window = new StatisticsWindow(options.summaryWindowSeconds ?? 60);
  }

  /** `POST /CreateSamplingRule`. */
  createSamplingRule(input: unknown): SamplingRuleOutput {
    const record = this.#store.create(parseNewSamplingRule(input));
    this.#forget(record.SamplingRule.RuleName);
    return { SamplingRuleRecord: record };
  }

  /** `POST /UpdateSamplingRule`. */
  updateSamplingRule(input: unknown): SamplingRuleOutput {
    return { SamplingRuleRecord: this.#store.update(parseSamplingRuleUpdate(input)) };
  }

  /** `POST /DeleteSamplingRule`: exactly one of `RuleName` or `RuleARN`. */
  deleteSamplingRule(input: unknown): SamplingRuleOutput {
    const body = asObject(input);
    const ref: { RuleName?: string; RuleARN?: string } = {};
    const name = optionalString(body, 'RuleName', 'ruleName', 32, 1);
    const arn = optionalString(body, 'RuleARN', 'ruleARN', 1000, 1);
    if (name !== undefined) ref.RuleName = name;
    if (arn !== undefined) ref.RuleARN = arn;
    const record = this.#store.delete(ref);
    this.#forget(record.SamplingRule.RuleName);
    return { SamplingRuleRecord: record };
  }

  /** `POST /GetSamplingRules`: all rules by priority, then name; pages of `pageSize`. */
  getSamplingRules(input: unknown): GetSamplingRulesOutput {
    const token = optionalString(asObject(input), 'NextToken', 'nextToken', 2000, 1);
    const offset = token === undefined ? 0 : parseToken(token);
    const all = this.#store.list();
    const page = all.slice(offset, offset + this.#pageSize);
    const next = offset + this.#pageSize;
    return next < all.length
      ? { SamplingRuleRecords: page, NextToken: `rules-${next}` }
      : { SamplingRuleRecords: page };
  }

  /** `POST /SamplingTargets`: records each report and answers with this client's quota. */
  getSamplingTargets(input: unknown): GetSamplingTargetsOutput {
    const { statistics, boostRules } = parseSamplingTargetsInput(input);
    const nowMs = this.#now();
    const out: GetSamplingTargetsOutput = {
      SamplingTargetDocuments: [],
      LastRuleModification: this.#store.lastModification,
      UnprocessedStatistics: [],
      UnprocessedBoostStatistics: [],
    };
    const answered = new Set<string>();
    for (const doc of statistics) {
      const rule = this.#store.get(doc.RuleName)?.SamplingRule;
      if (!rule) {
        out.UnprocessedStatistics.push(unknownRule(doc.RuleName));
        continue;
      }
      this.#window.add(
        rule.RuleName,
        { requests: doc.RequestCount, sampled: doc.SampledCount, borrowed: doc.BorrowCount ?? 0 },
        nowMs,
      );
      const quota = this.#allocator.quota(rule.RuleName, doc.ClientID, rule.ReservoirSize, nowMs);
      if (answered.has(rule.RuleName)) continue;
      answered.add(rule.RuleName);
      out.SamplingTargetDocuments.push({
        RuleName: rule.RuleName,
        FixedRate: rule.FixedRate,
        ReservoirQuota: quota,
        ReservoirQuotaTTL: Math.floor(nowMs / 1000) + this.#quotaTtl,
        Interval: this.#interval,
      });
    }
    for (const name of boostRules) {
      if (!this.#store.get(name)) out.UnprocessedBoostStatistics.push(unknownRule(name));
    }
    return out;
  }

  /** `POST /SamplingStatisticSummaries`: per rule, the counts received in the rolling window. */
  getSamplingStatisticSummaries(_input?: unknown): GetSamplingStatisticSummariesOutput {
    const nowMs = this.#now();
    return {
      SamplingStatisticSummaries: this.#store.list().map((r) => {
        const t = this.#window.totals(r.SamplingRule.RuleName, nowMs);
        return {
          RuleName: r.SamplingRule.RuleName,
          Timestamp: t.start,
          RequestCount: t.requests,
          SampledCount: t.sampled,
          BorrowCount: t.borrowed,
        };
      }),
    };
  }

  /** Clients currently sharing `ruleName`'s reservoir (for the UI and tests). */
  activeClients(ruleName: string): number {
    return this.#allocator.activeClients(ruleName, this.#now());
  }

  #forget(name: string): void {
    this.#allocator.forget(name);
    this.#window.forget(name);
  }
}

function parseToken(token: string): number {
  const match = /^rules-(\d+)$/.exec(token);
  if (!match) throw invalidRequest(`Invalid NextToken: ${token}`);
  return Number(match[1]);
}

function unknownRule(name: string): { RuleName: string; ErrorCode: string; Message: string } {
  return { RuleName: name, ErrorCode: '400', Message: `Unknown rule: ${name}` };
}
