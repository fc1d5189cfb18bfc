// GetServiceGraph / GetTraceGraph output → the same edge view a Trace carries (pure), and edge
// lookup by node name, alias or type.
import type { ApiServiceGraph, ApiStats } from './api-shapes.ts';
import type { GraphEdge, GraphNodeRef, ServiceGraphView } from './types.ts';

/** A graph node named by its name, one of its names, or its type (`client`, `AWS::SQS::Queue`). */
export type NodeSelector = string | { name?: string; type?: string };

/** Reduces an API service graph to nodes and caller → callee edges with counts. */
export function graphFromApi(graph: ApiServiceGraph): ServiceGraphView {
  const byRef = new Map<number, GraphNodeRef>();
  const nodes: GraphNodeRef[] = [];
  for (const s of graph.Services ?? []) {
    const name = s.Name ?? s.Names?.[0] ?? '';
    const ref: GraphNodeRef = { name, names: s.Names ?? [name], type: s.Type ?? '' };
    nodes.push(ref);
    if (s.ReferenceId !== undefined) byRef.set(s.ReferenceId, ref);
  }
  const edges: GraphEdge[] = [];
  (graph.Services ?? []).forEach((s, i) => {
    for (const e of s.Edges ?? []) {
      const to = e.ReferenceId === undefined ? undefined : byRef.get(e.ReferenceId);
      if (to) edges.push({ from: nodes[i]!, to, ...countsOf(e.SummaryStatistics) });
    }
  });
  return { nodes, edges };
}

function countsOf(
  stats: ApiStats | undefined,
): Pick<GraphEdge, 'count' | 'faults' | 'errors' | 'throttles'> {
  return {
    count: stats?.TotalCount ?? 1,
    faults: stats?.FaultStatistics?.TotalCount ?? 0,
    errors: stats?.ErrorStatistics?.TotalCount ?? 0,
    throttles: stats?.ErrorStatistics?.ThrottleCount ?? 0,
  };
}

/** True when `ref` is the node `selector` names. */
export function selects(selector: NodeSelector, ref: GraphNodeRef): boolean {
  if (typeof selector === 'string') {
    return ref.name === selector || ref.names.includes(selector) || ref.type === selector;
  }
  const nameOk =
    selector.name === undefined || ref.name === selector.name || ref.names.includes(selector.name);
  return nameOk && (selector.type === undefined || ref.type === selector.type);
}

/** Edges from a node `from` selects to a node `to` selects. */
export function findEdges(
  view: ServiceGraphView,
  from: NodeSelector,
  to: NodeSelector,
): GraphEdge[] {
  return view.edges.filter((e) => selects(from, e.from) && selects(to, e.to));
}

/** `name (type)` of a node, for messages. */
export function describeRef(ref: GraphNodeRef): string {
  return ref.type ? `${ref.name} (${ref.type})` : ref.name;
}
