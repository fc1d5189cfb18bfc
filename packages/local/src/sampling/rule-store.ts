// The account's sampling rules: create, update, delete, list, in evaluation order.
import { invalidRequest, XRayError } from '../errors.ts';
import { DEFAULT_RULE_NAME, defaultRule } from './default-rule.ts';
import type { NewSamplingRule, SamplingRuleChanges } from './rule-validation.ts';
import type { SamplingRuleRecord } from './types.ts';

/** Where rules live and how many fit. */
export interface RuleStoreOptions {
  region: string;
  accountId: string;
  /** Rules besides `Default`. */
  maxRules: number;
}

/** Identifies one rule by name or ARN. */
export interface RuleRef {
  RuleName?: string;
  RuleARN?: string;
}

/** In-memory rule records; `now` returns epoch seconds. */
export class RuleStore {
  readonly #records = new Map<string, SamplingRuleRecord>();
  readonly #options: RuleStoreOptions;
  readonly #now: () => number;
  #lastModification = 0;

  constructor(options: RuleStoreOptions, now: () => number) {
    this.#options = options;
    this.#now = now;
    const rule = defaultRule(this.arn(DEFAULT_RULE_NAME));
    this.#records.set(DEFAULT_RULE_NAME, { SamplingRule: rule, CreatedAt: 0, ModifiedAt: 0 });
  }

  /** `arn:aws:xray:{region}:{account}:sampling-rule/{name}`. */
  arn(name: string): string {
    return `arn:aws:xray:${this.#options.region}:${this.#options.accountId}:sampling-rule/${name}`;
  }

  /** Epoch seconds of the latest create, update or delete (0 if none). */
  get lastModification(): number {
    return this.#lastModification;
  }

  create(rule: NewSamplingRule): SamplingRuleRecord {
    if (this.#records.has(rule.RuleName)) {
      throw invalidRequest(`A sampling rule named ${rule.RuleName} already exists`);
    }
    if (this.#records.size - 1 >= this.#options.maxRules) {
      throw new XRayError(
        'RuleLimitExceededException',
        `You have reached the maximum number of sampling rules (${this.#options.maxRules})`,
      );
    }
    const now = this.#now();
    const record = {
      SamplingRule: { ...rule, RuleARN: this.arn(rule.RuleName) },
      CreatedAt: now,
      ModifiedAt: now,
    };
    this.#records.set(rule.RuleName, record);
    this.#lastModification = now;
    return structuredClone(record);
  }

  update(update: SamplingRuleChanges): SamplingRuleRecord {
    const record = this.#find(update);
    const { changes } = update;
    if (record.SamplingRule.RuleName === DEFAULT_RULE_NAME) {
      const fixed = Object.keys(changes).filter(
        (k) => k !== 'FixedRate' && k !== 'ReservoirSize' && k !== 'SamplingRateBoost',
      );
      if (fixed.length > 0) {
        throw invalidRequest(
          `Only FixedRate and ReservoirSize of the Default rule can be updated (got ${fixed.join(', ')})`,
        );
      }
    }
    Object.assign(record.SamplingRule, structuredClone(changes));
    record.ModifiedAt = this.#now();
    this.#lastModification = record.ModifiedAt;
    return structuredClone(record);
  }

  delete(ref: RuleRef): SamplingRuleRecord {
    if ((ref.RuleName === undefined) === (ref.RuleARN === undefined)) {
      throw invalidRequest('Specify exactly one of RuleName or RuleARN');
    }
    const record = this.#find(ref);
    if (record.SamplingRule.RuleName === DEFAULT_RULE_NAME) {
      throw invalidRequest('The Default sampling rule cannot be deleted');
    }
    this.#records.delete(record.SamplingRule.RuleName);
    this.#lastModification = this.#now();
    return structuredClone(record);
  }

  /** The live record (not a copy) or `undefined`. */
  get(name: string): SamplingRuleRecord | undefined {
    return this.#records.get(name);
  }

  /** Copies of all records by ascending priority, then name. */
  list(): SamplingRuleRecord[] {
    return [...this.#records.values()]
      .sort(
        (a, b) =>
          a.SamplingRule.Priority - b.SamplingRule.Priority ||
          (a.SamplingRule.RuleName < b.SamplingRule.RuleName ? -1 : 1),
      )
      .map((r) => structuredClone(r));
  }

  #find(ref: RuleRef): SamplingRuleRecord {
    if (ref.RuleName === undefined && ref.RuleARN === undefined) {
      throw invalidRequest('Specify RuleName or RuleARN');
    }
    const byName = ref.RuleName === undefined ? undefined : this.#records.get(ref.RuleName);
    const byArn =
      ref.RuleARN === undefined
        ? undefined
        : [...this.#records.values()].find((r) => r.SamplingRule.RuleARN === ref.RuleARN);
    const record = byName ?? byArn;
    if (!record || (ref.RuleName !== undefined && ref.RuleARN !== undefined && byName !== byArn)) {
      throw invalidRequest(`Sampling rule does not exist: ${ref.RuleName ?? ref.RuleARN}`);
    }
    return record;
  }
}
