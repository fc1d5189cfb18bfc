// The parts of the X-Ray API responses the UI reads (spec/xray-protocol.md §5.3). Every member is
// optional on the wire, as in the AWS model, so the UI never trusts one to be present.

/** `ServiceStatistics` / `EdgeStatistics`: counts over completed entities in the window. */
export interface Stats {
  /** Entities without `error`/`fault` flags. */
  OkCount?: number;
  /** Entities flagged `error` (4xx), of which `ThrottleCount` were 429s. */
  ErrorStatistics?: { ThrottleCount?: number; OtherCount?: number; TotalCount?: number };
  /** Entities flagged `fault` (5xx). */
  FaultStatistics?: { OtherCount?: number; TotalCount?: number };
  /** Completed entities. */
  TotalCount?: number;
  /** Sum of response times, seconds. */
  TotalResponseTime?: number;
}

/** An edge on the caller's `Service.Edges`. */
export interface Edge {
  /** The callee's `Service.ReferenceId`. */
  ReferenceId?: number;
  SummaryStatistics?: Stats;
  /** `link` for SQS → Lambda trace links. */
  EdgeType?: string;
}

/** A service graph node. */
export interface Service {
  /** Small integer unique within one response. */
  ReferenceId?: number;
  /** Canonical name. */
  Name?: string;
  /** All observed names. */
  Names?: string[];
  /** Entry service of the traces. */
  Root?: boolean;
  AccountId?: string;
  /** `origin`, `client`, `AWS::SNS::Topic`, `remote`, … */
  Type?: string;
  /** `active` for instrumented services, `unknown` for client and inferred nodes. */
  State?: string;
  Edges?: Edge[];
  SummaryStatistics?: Stats;
}

/** `GetServiceGraph` result. */
export interface ServiceGraphResult {
  Services?: Service[];
  NextToken?: string;
}

/** A service reference inside summaries. */
export interface ServiceId {
  Name?: string;
  Names?: string[];
  AccountId?: string;
  Type?: string;
}

/** One row of `GetTraceSummaries`. */
export interface TraceSummary {
  Id?: string;
  /** Epoch seconds. */
  StartTime?: number;
  /** Seconds, root start → last end. */
  Duration?: number;
  /** Seconds, root segment start → end. */
  ResponseTime?: number;
  HasFault?: boolean;
  HasError?: boolean;
  HasThrottle?: boolean;
  IsPartial?: boolean;
  Http?: {
    HttpURL?: string;
    HttpStatus?: number;
    HttpMethod?: string;
    UserAgent?: string;
    ClientIp?: string;
  };
  ServiceIds?: ServiceId[];
  EntryPoint?: ServiceId;
}

/** `GetTraceSummaries` result. */
export interface TraceSummariesResult {
  TraceSummaries?: TraceSummary[];
  TracesProcessedCount?: number;
  NextToken?: string;
}

/** One trace of `BatchGetTraces`: segment documents as JSON strings. */
export interface Trace {
  Id?: string;
  /** Seconds. */
  Duration?: number;
  LimitExceeded?: boolean;
  Segments?: Array<{ Id?: string; Document?: string }>;
}

/** `BatchGetTraces` result. */
export interface BatchGetTracesResult {
  Traces?: Trace[];
  UnprocessedTraceIds?: string[];
  NextToken?: string;
}

/** AWS-style error body. */
export interface ErrorBody {
  __type?: string;
  message?: string;
  Message?: string;
}
