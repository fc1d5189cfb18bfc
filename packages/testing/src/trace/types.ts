// The shape a trace takes once fetched: one node per segment, subsegment and inferred segment,
// nested by parent across services. Built by build-trace.ts from BatchGetTraces output.
import type { AnnotationValue, AwsBlock, HttpBlock } from '@otel-xray/core';
import type { TraceLogLine } from '../logs/trace-log-line.ts';

/** What a {@link TraceNode} stands for. */
export type TraceNodeKind = 'segment' | 'subsegment';

/** One segment or subsegment of a trace, with its children nested under it. */
export interface TraceNode {
  /** Segment or subsegment ID (16 hex). */
  id: string;
  /** `segment` for a service's own (or an inferred) segment, `subsegment` for work inside one. */
  kind: TraceNodeKind;
  /** The document's `name`. */
  name: string;
  /** Name of the segment this node belongs to: the service that recorded it. */
  service: string;
  /** `aws`, `remote` or `local` on subsegments that carry one. */
  namespace?: string;
  /** Resource type of a segment (`AWS::ECS::Container`, `AWS::SQS::Queue` on inferred ones). */
  origin?: string;
  /** True for segments X-Ray inferred from a caller's subsegment (no segment of their own). */
  inferred: boolean;
  /** Trace ID the document carried (embedded subsegments inherit their segment's). */
  traceId: string;
  /** `parent_id` of a top-level document, or the embedding entity's ID for embedded subsegments. */
  parentId?: string;
  /** Epoch seconds. */
  startTime: number;
  /** Epoch seconds; absent while in progress. */
  endTime?: number;
  /** The document was sent before the work finished. */
  inProgress: boolean;
  /** `end_time − start_time` in milliseconds, when both are known. */
  durationMs?: number;
  /** 5xx / failure flag. */
  fault: boolean;
  /** 4xx flag. */
  error: boolean;
  /** 429 flag. */
  throttle: boolean;
  /** Indexed annotations (empty object when none). */
  annotations: Record<string, AnnotationValue>;
  /** `http` block, as sent. */
  http?: HttpBlock;
  /** `aws` block, as sent. */
  aws?: AwsBlock;
  /** Children ordered by start time (then ID). */
  children: TraceNode[];
}

/** A service graph node as seen by the matchers. */
export interface GraphNodeRef {
  /** Canonical name. */
  name: string;
  /** Other names the node was seen with (GetServiceGraph `Names`). */
  names: string[];
  /** Node type: `client`, a segment `origin`, `AWS::SQS::Queue`, … (empty when unknown). */
  type: string;
}

/** One caller → callee edge of a service graph, with counts from the caller's side. */
export interface GraphEdge {
  from: GraphNodeRef;
  to: GraphNodeRef;
  /** Calls seen. */
  count: number;
  /** Calls flagged `fault`. */
  faults: number;
  /** Calls flagged `error` (includes throttles). */
  errors: number;
  /** Calls flagged `throttle`. */
  throttles: number;
}

/** A service graph reduced to what assertions need. */
export interface ServiceGraphView {
  nodes: GraphNodeRef[];
  edges: GraphEdge[];
}

/** One trace as fetched through the X-Ray API, with its tree. */
export interface Trace {
  /** Trace ID. */
  id: string;
  /** Seconds, as reported by BatchGetTraces. */
  duration?: number;
  /** Every document (segments and inferred segments) as parsed JSON, in API order. */
  documents: Record<string, unknown>[];
  /** Top-level nodes: the root segment first; any segment whose parent is missing follows. */
  roots: TraceNode[];
  /** Every node, depth first. */
  nodes: TraceNode[];
  /** Segments (not inferred) whose `parent_id` names no node of this trace. */
  orphans: TraceNode[];
  /** Distinct names of the instrumented services (non-inferred segments), first seen first. */
  services: string[];
  /** Caller → callee edges between services, inferred nodes and the client. */
  graph: ServiceGraphView;
  /** The tree as indented text with durations and fault/error/throttle markers. */
  print(): string;
  /**
   * The trace's log lines, time ascending — set by `waitForTrace(…, { logs: true })` from a local
   * X-Ray; `toHaveLog` reads them and a failing `toHaveTraceTree` prints them.
   */
  logs?: TraceLogLine[];
}
