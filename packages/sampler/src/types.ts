// Public types: the X-Ray sampling API shapes the sampler reads and writes (spec §5.2–5.3, §8.3)
// and the transport that carries them.

/** A sampling rule as `GetSamplingRules` returns it. */
export interface XRaySamplingRule {
  /** Unique name; ties in `Priority` are broken by name. */
  RuleName: string;
  RuleARN?: string;
  /** Matches the resource ARN (ECS/EKS/Lambda). */
  ResourceARN: string;
  /** 1..9999 for user rules, 10000 for `Default`; lower is evaluated first. */
  Priority: number;
  /** Fraction 0..1 sampled after the reservoir. */
  FixedRate: number;
  /** Requests per second shared by all clients; > 0 allows borrowing 1/s before a quota arrives. */
  ReservoirSize: number;
  /** Matches resource `service.name`. */
  ServiceName: string;
  /** Matches the service type derived from `cloud.platform`. */
  ServiceType: string;
  /** Matches the HTTP host. */
  Host: string;
  /** Matches the HTTP method. */
  HTTPMethod: string;
  /** Matches the URL path. */
  URLPath: string;
  /** Only version 1 rules are applied. */
  Version: number;
  /** Attribute key → wildcard pattern; every entry must match a span-start attribute. */
  Attributes?: Record<string, string>;
}

/** `GetSamplingRules` response. */
export interface GetSamplingRulesResponse {
  SamplingRuleRecords?: {
    SamplingRule?: XRaySamplingRule;
    CreatedAt?: number;
    ModifiedAt?: number;
  }[];
  NextToken?: string;
}

/** One rule's counters since the previous report. */
export interface SamplingStatisticsDocument {
  RuleName: string;
  /** 24 hex characters, fixed per sampler. */
  ClientID: string;
  /** Epoch seconds. */
  Timestamp: number;
  /** Requests that matched the rule. */
  RequestCount: number;
  /** Requests sampled, borrowed ones included. */
  SampledCount: number;
  /** Requests sampled by borrowing before a quota was assigned. */
  BorrowCount: number;
}

/** `GetSamplingTargets` request. */
export interface GetSamplingTargetsRequest {
  SamplingStatisticsDocuments: SamplingStatisticsDocument[];
}

/** The service's instruction for one rule. */
export interface SamplingTargetDocument {
  RuleName?: string;
  /** Replaces the rule's rate until the next target. */
  FixedRate?: number;
  /** Requests per second this client may sample from the reservoir. */
  ReservoirQuota?: number;
  /** Quota expiry, epoch seconds. */
  ReservoirQuotaTTL?: number;
  /** Seconds until this rule should be reported again. */
  Interval?: number;
}

/** `GetSamplingTargets` response. */
export interface GetSamplingTargetsResponse {
  SamplingTargetDocuments?: SamplingTargetDocument[];
  /** Epoch seconds of the newest rule change; newer than our last fetch ⇒ fetch rules now. */
  LastRuleModification?: number;
  UnprocessedStatistics?: { RuleName?: string; ErrorCode?: string; Message?: string }[];
}

/**
 * How the sampler talks to the sampling API. {@link httpSamplingTransport} (unsigned POSTs to the
 * daemon or a local X-Ray) and {@link xrayClientTransport} (a signed `@aws-sdk/client-xray`
 * client) implement it. Methods reject on failure; the sampler then keeps its cache.
 */
export interface SamplingTransport {
  getSamplingRules(input: { NextToken?: string }): Promise<GetSamplingRulesResponse>;
  getSamplingTargets(input: GetSamplingTargetsRequest): Promise<GetSamplingTargetsResponse>;
}
