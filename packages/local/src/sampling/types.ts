// Wire shapes of the X-Ray sampling API (spec/xray-protocol.md §5.2–5.3). Timestamps are epoch
// seconds, as the restJson1 protocol sends them.

/** A sampling rule as stored and returned by the API. */
export interface SamplingRule {
  /** Rule name, 1..32 characters, unique per account. */
  RuleName: string;
  /** `arn:aws:xray:{region}:{account}:sampling-rule/{name}`. */
  RuleARN: string;
  /** Matches the resource ARN of the instrumented service (`*` for any). */
  ResourceARN: string;
  /** 1..9999; lower is evaluated first. `Default` has 10000. */
  Priority: number;
  /** Fraction 0..1 of requests sampled beyond the reservoir. */
  FixedRate: number;
  /** Requests per second sampled before `FixedRate` applies, shared by all clients. */
  ReservoirSize: number;
  /** Matches the service name (segment name / `service.name`). */
  ServiceName: string;
  /** Matches the service type (segment `origin`). */
  ServiceType: string;
  /** Matches the HTTP host. */
  Host: string;
  /** Matches the HTTP method. */
  HTTPMethod: string;
  /** Matches the URL path. */
  URLPath: string;
  /** Rule format version; always 1. */
  Version: number;
  /** Key → wildcard pattern pairs (≤5) matched against segment/span attributes. */
  Attributes: Record<string, string>;
  /** Anomaly-driven rate boost; stored and returned, not acted upon. */
  SamplingRateBoost?: { MaxRate: number; CooldownWindowMinutes: number };
}

/** A rule with its creation and modification times. */
export interface SamplingRuleRecord {
  SamplingRule: SamplingRule;
  /** Epoch seconds; 0 for `Default`. */
  CreatedAt: number;
  /** Epoch seconds of the last update. */
  ModifiedAt: number;
}

/** One client's report for one rule since its previous report. */
export interface SamplingStatisticsDocument {
  RuleName: string;
  /** 24 hex characters, fixed per process. */
  ClientID: string;
  /** When the client built the report (epoch seconds). */
  Timestamp: number;
  /** Requests that matched the rule. */
  RequestCount: number;
  /** Requests sampled (some SDKs include borrowed ones). */
  SampledCount: number;
  /** Requests sampled by borrowing from the reservoir before a quota was assigned. */
  BorrowCount?: number;
}

/** The service's answer for one reported rule. */
export interface SamplingTargetDocument {
  RuleName: string;
  /** Rate to apply beyond the quota. */
  FixedRate: number;
  /** Requests per second this client may sample from the reservoir. */
  ReservoirQuota: number;
  /** Absolute expiry of the quota (epoch seconds). */
  ReservoirQuotaTTL: number;
  /** Seconds until the client should report again. */
  Interval: number;
}

/** A report the service did not accept. */
export interface UnprocessedStatistics {
  RuleName?: string;
  ErrorCode: string;
  Message: string;
}

/** Aggregated statistics for one rule over the summary window. */
export interface SamplingStatisticSummary {
  RuleName: string;
  /** Start of the window the counts cover (epoch seconds). */
  Timestamp: number;
  RequestCount: number;
  BorrowCount: number;
  SampledCount: number;
}

/** `CreateSamplingRule`/`UpdateSamplingRule`/`DeleteSamplingRule` output. */
export interface SamplingRuleOutput {
  SamplingRuleRecord: SamplingRuleRecord;
}

/** `GetSamplingRules` output. */
export interface GetSamplingRulesOutput {
  SamplingRuleRecords: SamplingRuleRecord[];
  NextToken?: string;
}

/** `GetSamplingTargets` output. */
export interface GetSamplingTargetsOutput {
  SamplingTargetDocuments: SamplingTargetDocument[];
  /** Epoch seconds of the latest create, update or delete. */
  LastRuleModification: number;
  UnprocessedStatistics: UnprocessedStatistics[];
  UnprocessedBoostStatistics: UnprocessedStatistics[];
}

/** `GetSamplingStatisticSummaries` output. */
export interface GetSamplingStatisticSummariesOutput {
  SamplingStatisticSummaries: SamplingStatisticSummary[];
  NextToken?: string;
}
