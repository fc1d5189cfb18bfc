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

/** One histogram entry: `Count` entities took `Value` seconds. */
export interface HistogramEntry {
  Value?: number;
  Count?: number;
}

/** An edge on the caller's `Service.Edges`. */
export interface Edge {
  /** The callee's `Service.ReferenceId`. */
  ReferenceId?: number;
  SummaryStatistics?: Stats;
  /** Response times of the calls, as the caller saw them. */
  ResponseTimeHistogram?: HistogramEntry[];
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
  /** Response times of the service's segments. */
  ResponseTimeHistogram?: HistogramEntry[];
  /** Durations of the service's segments. */
  DurationHistogram?: HistogramEntry[];
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
  /** Annotation key → each distinct value with the services that recorded it. */
  Annotations?: Record<string, Array<{ AnnotationValue?: AnnotationValue }>>;
  /** Where faults (5xx) start: entities whose fault does not continue downstream. */
  FaultRootCauses?: RootCause[];
  /** Where errors (4xx) start. */
  ErrorRootCauses?: RootCause[];
}

/** One annotation value: exactly one member is set. */
export interface AnnotationValue {
  NumberValue?: number;
  BooleanValue?: boolean;
  StringValue?: string;
}

/** A fault or error root cause of a trace summary. */
export interface RootCause {
  Services?: Array<{
    Name?: string;
    Names?: string[];
    Type?: string;
    /** Whether the service is inferred (a node drawn for an uninstrumented callee). */
    Inferred?: boolean;
    /** Segment → subsegments down to the entity where the flag starts. */
    EntityPath?: Array<{
      Name?: string;
      Exceptions?: Array<{ Name?: string; Message?: string }>;
      Remote?: boolean;
    }>;
  }>;
  /** Whether the cause reached the trace's client (the root segment carries the flag too). */
  ClientImpacting?: boolean;
}

/** `GetTraceSummaries` result. */
export interface TraceSummariesResult {
  TraceSummaries?: TraceSummary[];
  /** Traces in the window before the filter (not the matches). */
  TracesProcessedCount?: number;
  /** Start of the newest trace in the page, epoch seconds. */
  ApproximateTime?: number;
  NextToken?: string;
}

/** Analytics columns of `/_local/TraceList`: one entry per matching trace, in one order. */
export interface TracePoints {
  /** Trace IDs (absent from servers before live refresh merged points). */
  Id?: string[];
  /** Root segment start, epoch seconds. */
  StartTime: number[];
  /** Seconds; null while in progress. */
  ResponseTime: Array<number | null>;
  /** 1 when the trace has a fault anywhere. */
  Fault: number[];
}

/** `POST /_local/TraceList` result (local only: total, one sorted page, keys, newest IDs). */
export interface TraceListResult {
  /** Matching traces in the window. */
  Total: number;
  /** The page asked for, sorted. */
  TraceSummaries: TraceSummary[];
  /** Annotation keys of every matching trace, sorted. */
  AnnotationKeys: string[];
  /** The newest matching trace IDs, newest first. */
  Newest: string[];
  /** The pinned trace's summary; null when it does not match; absent when none was pinned. */
  Pinned?: TraceSummary | null;
  Points?: TracePoints;
  /** The server's clock when it answered, epoch ms: the next `ChangedSince`. */
  Now?: number;
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

/** An X-Ray group: a named filter expression (`GetGroups`). */
export interface Group {
  GroupName?: string;
  GroupARN?: string;
  /** The group's filter; absent for `Default`. */
  FilterExpression?: string;
}

/** `GetGroups` result. */
export interface GroupsResult {
  Groups?: Group[];
  NextToken?: string;
}
