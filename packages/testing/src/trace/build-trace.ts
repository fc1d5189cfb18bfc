// BatchGetTraces output → a tree of nodes across services (pure).
import type { ApiTrace } from './api-shapes.ts';
import type { Trace, TraceNode } from './types.ts';
import { createNodes, compareNodes } from './node-from-document.ts';
import { graphFromTrace } from './trace-graph.ts';
import { printTrace } from './print-tree.ts';

/**
 * Builds the tree of one trace from a BatchGetTraces `Trace`: embedded subsegments under their
 * segment, each segment under the (sub)segment named by its `parent_id`, inferred SNS/SQS nodes
 * under the subsegment that called them. A segment whose parent subsegment also produced an
 * inferred node is placed under that inferred node, so the tree reads as the message flowed
 * (publish → topic → consumer). Documents that are not JSON objects are skipped.
 *
 * @example
 * const trace = buildTrace(output.Traces[0]);
 * console.log(trace.print());
 */
export function buildTrace(apiTrace: ApiTrace): Trace {
  const documents: Record<string, unknown>[] = [];
  const byId = new Map<string, TraceNode>();
  const tops: TraceNode[] = [];
  for (const entry of apiTrace.Segments ?? []) {
    const doc = parseDocument(entry.Document);
    if (!doc) continue;
    documents.push(doc);
    const [top, ...rest] = createNodes(doc, apiTrace.Id ?? '');
    if (!top) continue;
    const previous = byId.get(top.id);
    if (previous && !previous.inProgress && top.inProgress) continue; // keep the complete copy
    if (previous) tops.splice(tops.indexOf(previous), 1);
    tops.push(top);
    for (const node of [top, ...rest]) byId.set(node.id, node);
  }
  const roots: TraceNode[] = [];
  const orphans: TraceNode[] = [];
  for (const node of tops) {
    const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else {
      roots.push(node);
      if (node.parentId !== undefined && !node.inferred) orphans.push(node);
    }
  }
  for (const node of byId.values()) placeBehindInferred(node);
  roots.sort(
    (a, b) =>
      Number(a.parentId !== undefined) - Number(b.parentId !== undefined) || compareNodes(a, b),
  );
  const nodes: TraceNode[] = [];
  for (const root of roots) visit(root, root.service, nodes);
  const services = [...new Set(nodes.filter(isServiceSegment).map((n) => n.name))];
  const trace: Trace = {
    id: apiTrace.Id ?? nodes[0]?.traceId ?? '',
    documents,
    roots,
    nodes,
    orphans,
    services,
    graph: graphFromTrace(roots),
    print: () => printTrace(trace),
  };
  if (apiTrace.Duration !== undefined) trace.duration = apiTrace.Duration;
  return trace;
}

function parseDocument(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function placeBehindInferred(node: TraceNode): void {
  const inferred = node.children.find((c) => c.inferred);
  if (!inferred) return;
  const callees = node.children.filter(isServiceSegment);
  if (callees.length === 0) return;
  node.children = node.children.filter((c) => !callees.includes(c));
  inferred.children.push(...callees);
}

function visit(node: TraceNode, service: string, out: TraceNode[]): void {
  // Independent subsegments learn their service from the segment they hang under.
  if (node.kind === 'subsegment') node.service = service;
  out.push(node);
  node.children.sort(compareNodes);
  for (const child of node.children) visit(child, node.service, out);
}

/** A segment recorded by an instrumented service (not an inferred one). */
export function isServiceSegment(node: TraceNode): boolean {
  return node.kind === 'segment' && !node.inferred;
}
