// The service graph of one trace, derived from its tree (pure): client → root service, and caller
// service → callee for every segment (inferred ones included), counted from the caller's side.
import type { GraphEdge, GraphNodeRef, ServiceGraphView, TraceNode } from './types.ts';

const CLIENT: GraphNodeRef = { name: 'client', names: ['client'], type: 'client' };

/** Edges between the services, inferred nodes and the client of one trace's tree. */
export function graphFromTrace(roots: readonly TraceNode[]): ServiceGraphView {
  const nodes = new Map<string, GraphNodeRef>();
  const edges = new Map<string, GraphEdge>();
  const walk = (
    node: TraceNode,
    caller: GraphNodeRef | undefined,
    via: TraceNode | undefined,
  ): void => {
    let next = caller;
    if (node.kind === 'segment') {
      const self = refOf(node);
      nodes.set(keyOf(self), self);
      // Statistics come from the caller's subsegment; client → root and inferred → callee from the
      // callee segment itself (spec/xray-protocol.md §7).
      count(edges, caller ?? CLIENT, self, via?.kind === 'subsegment' ? via : node);
      next = self;
    }
    for (const child of node.children) walk(child, next, node);
  };
  for (const root of roots) {
    if (root.kind === 'segment' && root.parentId === undefined) nodes.set(keyOf(CLIENT), CLIENT);
    walk(root, root.parentId === undefined ? undefined : orphanCaller(root), undefined);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function orphanCaller(root: TraceNode): GraphNodeRef {
  // The caller's document is missing: the edge is recorded from an unknown node.
  return { name: `unknown (${root.parentId ?? ''})`, names: [], type: 'unknown' };
}

function refOf(node: TraceNode): GraphNodeRef {
  return { name: node.name, names: [node.name], type: node.origin ?? '' };
}

function keyOf(ref: GraphNodeRef): string {
  return `${ref.name}\u0000${ref.type}`;
}

function count(
  edges: Map<string, GraphEdge>,
  from: GraphNodeRef,
  to: GraphNodeRef,
  call: TraceNode,
): void {
  const key = `${keyOf(from)}\u0001${keyOf(to)}`;
  let edge = edges.get(key);
  if (!edge) {
    edge = { from, to, count: 0, faults: 0, errors: 0, throttles: 0 };
    edges.set(key, edge);
  }
  edge.count++;
  if (call.fault) edge.faults++;
  if (call.error || call.throttle) edge.errors++;
  if (call.throttle) edge.throttles++;
}
