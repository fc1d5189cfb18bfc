// What a filter expression is evaluated against: one assembled trace, reduced to the facts the
// filter language can ask about (spec/xray-protocol.md §6). Built by the query layer from stored
// segments (build-trace-facts); read by the filter evaluator (query/filter/). Pure data.
import type { AnnotationValue } from '@otel-xray/core';

/** HTTP facts of a trace (from its root segment) or of a service/edge. */
export interface HttpFacts {
  url?: string;
  method?: string;
  status?: number;
  useragent?: string;
  clientip?: string;
}

/** Keywords shared by the trace level and `service()`/`edge()` blocks. */
export interface EntityFacts {
  /** No error, fault or throttle flag. */
  ok: boolean;
  /** 4xx. */
  error: boolean;
  /** 429. */
  throttle: boolean;
  /** 5xx. */
  fault: boolean;
  /** Some segment is still in progress (or a traced call never got its segment). */
  partial: boolean;
  /** Seconds: first start → last end (includes downstream calls). */
  duration?: number;
  /** Seconds: the entity's own (root segment's) end − start. */
  responsetime?: number;
  http: HttpFacts;
  /** Users seen (segment `user`). */
  users: string[];
  /** Annotation key → every value recorded under it. */
  annotations: Map<string, AnnotationValue[]>;
  availabilityZones: string[];
  instanceIds: string[];
  resourceArns: string[];
}

/** One service graph node as seen in this trace. */
export interface ServiceFacts extends EntityFacts {
  /** Canonical node name. */
  name: string;
  /** All names the node was seen with. */
  names: string[];
  /** Node type: the segment `origin`, `AWS::SQS::Queue` for inferred nodes, `client`, … */
  type: string;
  accountId?: string;
  /** The trace's entry service. */
  root: boolean;
  /** Inferred from a caller's subsegment (no segment of its own). */
  inferred: boolean;
}

/** A call from one node to another in this trace. Facts come from the caller's subsegments. */
export interface EdgeFacts extends EntityFacts {
  from: Pick<ServiceFacts, 'name' | 'names' | 'type' | 'accountId'>;
  to: Pick<ServiceFacts, 'name' | 'names' | 'type' | 'accountId'>;
  /** `root` inside an edge() block: the edge enters the trace's root service (caller is the client). Absent = false. */
  root?: boolean;
  /** `inferred` inside an edge() block: the callee is an inferred node. Absent = false. */
  inferred?: boolean;
}

/** One entity on a root-cause path (`rootcause.*.entity`, `.exception`). */
export interface RootCauseEntity {
  name: string;
  type?: string;
  /** Exception message (for `.exception`). */
  message?: string;
  remote: boolean;
  inferred: boolean;
  /** Entity response time ÷ root response time (responsetime root causes). */
  coverage?: number;
  /** Exceptions recorded on this entity. */
  exceptions: Array<{ name?: string; message?: string }>;
}

/** One service on a root-cause list, with its entity path (deepest last). */
export interface RootCauseService {
  name: string;
  names: string[];
  type: string;
  accountId?: string;
  inferred: boolean;
  entityPath: RootCauseEntity[];
}

/** Everything a filter expression can ask about one trace. */
export interface TraceFacts extends EntityFacts {
  /** Trace ID. */
  id: string;
  services: ServiceFacts[];
  edges: EdgeFacts[];
  rootCauses: {
    fault: RootCauseService[];
    error: RootCauseService[];
    responsetime: RootCauseService[];
  };
}
