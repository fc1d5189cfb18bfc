// Accepts what tests naturally hold — a Trace, a BatchGetTraces output or one of its traces, raw
// segment documents, a single node — and returns a Trace (pure).
import { buildTrace } from './build-trace.ts';
import { printNodes } from './print-tree.ts';
import { graphFromTrace } from './trace-graph.ts';
import type { Trace, TraceNode } from './types.ts';

/** The Trace `value` stands for, or undefined when it is none of the accepted shapes. */
export function coerceTrace(value: unknown): Trace | undefined {
  if (isObject(value) && Array.isArray(value.roots) && Array.isArray(value.nodes))
    return value as unknown as Trace;
  if (isObject(value) && Array.isArray(value.Traces)) {
    const first: unknown = value.Traces[0];
    return isObject(first) ? buildTrace(first) : undefined;
  }
  if (isObject(value) && Array.isArray(value.Segments)) return buildTrace(value);
  if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
    return buildTrace({ Segments: value.map((doc) => ({ Document: JSON.stringify(doc) })) });
  }
  if (isTraceNode(value)) return buildTraceAround(value);
  return undefined;
}

/** True for a node of a built trace. */
export function isTraceNode(value: unknown): value is TraceNode {
  return (
    isObject(value) &&
    typeof value.kind === 'string' &&
    Array.isArray(value.children) &&
    isObject(value.annotations)
  );
}

function buildTraceAround(node: TraceNode): Trace {
  const nodes: TraceNode[] = [];
  const walk = (n: TraceNode): void => {
    nodes.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  const services = [
    ...new Set(nodes.filter((n) => n.kind === 'segment' && !n.inferred).map((n) => n.name)),
  ];
  const trace: Trace = {
    id: node.traceId,
    documents: [],
    roots: [node],
    nodes,
    orphans: [],
    services,
    graph: graphFromTrace([node]),
    print: () => printNodes([node]).join('\n'),
  };
  return trace;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
