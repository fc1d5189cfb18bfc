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

/** Samples packed three numbers each (start, end or NaN, flag bits) to keep cached traces small. */
export type PackedSamples = number[];

const ERROR = 1;
const FAULT = 2;
const THROTTLE = 4;

/** Calls `visit` for each packed sample. */
export function forEachSample(packed: PackedSamples, visit: (s: Sample) => void): void {
  for (let i = 0; i + 2 < packed.length; i += 3) {
    const end = packed[i + 1] as number;
    const bits = packed[i + 2] as number;
    visit({
      start: packed[i] as number,
      ...(Number.isNaN(end) ? {} : { end }),
      error: (bits & ERROR) !== 0,
      fault: (bits & FAULT) !== 0,
      throttle: (bits & THROTTLE) !== 0,
    });
  }
}

/** A node of one trace, reduced for graph aggregation. */
export interface NodeSamples {
  key: string;
  id: NodeId;
  inferred: boolean;
  client: boolean;
  root: boolean;
  samples: PackedSamples;
}

/** An edge of one trace, reduced for graph aggregation. */
export interface EdgeSamples {
  from: string;
  to: string;
  samples: PackedSamples;
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
      samples: pack(n.client ? [] : n.segments),
    })),
    edges: parts.edges.map((e) => ({
      from: e.from.key,
      to: e.to.key,
      samples: pack(e.samples),
    })),
  };
}

function pack(entities: Entity[]): PackedSamples {
  const out: number[] = [];
  for (const e of entities) {
    const f = flags(e);
    out.push(
      num(e, 'start_time') ?? 0,
      num(e, 'end_time') ?? Number.NaN,
      (f.error ? ERROR : 0) | (f.fault ? FAULT : 0) | (f.throttle ? THROTTLE : 0),
    );
  }
  return out;
}
