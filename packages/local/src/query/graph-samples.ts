import { flags, num, type Entity } from './entity.ts';
import type { NodeId, TraceGraphParts } from './trace-analysis.ts';

/** One timed, flagged call or segment, reduced to what statistics need. */
export interface Sample {
  start: number;
  /** Undefined while in progress. */
  end?: number;
  error: boolean;
  fault: boolean;
  throttle: boolean;
}

/** A node of one trace, reduced for graph aggregation. */
export interface NodeSamples {
  key: string;
  id: NodeId;
  inferred: boolean;
  client: boolean;
  root: boolean;
  samples: Sample[];
}

/** An edge of one trace, reduced for graph aggregation. */
export interface EdgeSamples {
  from: string;
  to: string;
  samples: Sample[];
}

/** What one trace contributes to a service graph: compact, cacheable. */
export interface GraphSamples {
  nodes: NodeSamples[];
  edges: EdgeSamples[];
}

/** Reduces a trace's graph structure to samples. Pure. */
export function graphSamples(parts: TraceGraphParts): GraphSamples {
  return {
    nodes: parts.nodes.map((n) => ({
      key: n.key,
      id: n.id,
      inferred: n.inferred,
      client: n.client,
      root: n.root,
      samples: n.client ? [] : n.segments.map(sample),
    })),
    edges: parts.edges.map((e) => ({
      from: e.from.key,
      to: e.to.key,
      samples: e.samples.map(sample),
    })),
  };
}

function sample(e: Entity): Sample {
  const f = flags(e);
  const s: Sample = {
    start: num(e, 'start_time') ?? 0,
    error: f.error,
    fault: f.fault,
    throttle: f.throttle,
  };
  const end = num(e, 'end_time');
  if (end !== undefined) s.end = end;
  return s;
}
