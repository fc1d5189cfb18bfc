// The parts of X-Ray API responses this package reads (spec/xray-protocol.md §5.3). Structural, so
// both `@aws-sdk/client-xray` outputs and JSON fixtures fit; every member is optional on the wire.

/** `Trace` of BatchGetTraces. */
export interface ApiTrace {
  /** Trace ID. */
  Id?: string;
  /** Seconds, first start → last end. */
  Duration?: number;
  /** The trace exceeded the size limit and was cut. */
  LimitExceeded?: boolean;
  /** One entry per segment (subsegments embedded), plus inferred segments. */
  Segments?: Array<{ Id?: string; Document?: string }>;
}

/** Counts of a service or edge (`ServiceStatistics` / `EdgeStatistics`). */
export interface ApiStats {
  OkCount?: number;
  ErrorStatistics?: { ThrottleCount?: number; OtherCount?: number; TotalCount?: number };
  FaultStatistics?: { OtherCount?: number; TotalCount?: number };
  TotalCount?: number;
  TotalResponseTime?: number;
}

/** A node of GetServiceGraph / GetTraceGraph. */
export interface ApiService {
  /** Unique within one response; edges point at it. */
  ReferenceId?: number;
  Name?: string;
  Names?: string[];
  /** `client`, a segment origin, `AWS::SQS::Queue`, … */
  Type?: string;
  Edges?: Array<{ ReferenceId?: number; SummaryStatistics?: ApiStats }>;
}

/** GetServiceGraph / GetTraceGraph output. */
export interface ApiServiceGraph {
  Services?: ApiService[];
}
