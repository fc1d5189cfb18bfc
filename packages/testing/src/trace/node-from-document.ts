// One segment document → its node plus one node per embedded subsegment (pure).
import type { AnnotationValue } from '@otel-xray/core';
import type { TraceNode } from './types.ts';

/**
 * Nodes of one top-level document: the document's own node first (children linked), then every
 * embedded subsegment depth first. `traceId` is used when the document carries none.
 */
export function createNodes(doc: Record<string, unknown>, traceId: string): TraceNode[] {
  const kind = doc.type === 'subsegment' ? 'subsegment' : 'segment';
  const name = str(doc.name) ?? '';
  const out: TraceNode[] = [];
  build(doc, kind, name, str(doc.trace_id) ?? traceId, str(doc.parent_id), out);
  return out;
}

function build(
  doc: Record<string, unknown>,
  kind: TraceNode['kind'],
  service: string,
  traceId: string,
  parentId: string | undefined,
  out: TraceNode[],
): TraceNode {
  const startTime = num(doc.start_time) ?? 0;
  const endTime = num(doc.end_time);
  const node: TraceNode = {
    id: str(doc.id) ?? '',
    kind,
    name: str(doc.name) ?? '',
    service: kind === 'segment' ? (str(doc.name) ?? '') : service,
    inferred: doc.inferred === true,
    traceId,
    startTime,
    inProgress: doc.in_progress === true || endTime === undefined,
    fault: doc.fault === true,
    error: doc.error === true,
    throttle: doc.throttle === true,
    annotations: annotationsOf(doc.annotations),
    children: [],
  };
  if (parentId !== undefined) node.parentId = parentId;
  if (endTime !== undefined) {
    node.endTime = endTime;
    node.durationMs = Math.round((endTime - startTime) * 1e6) / 1e3;
  }
  const namespace = str(doc.namespace);
  if (namespace !== undefined) node.namespace = namespace;
  const origin = str(doc.origin);
  if (origin !== undefined) node.origin = origin;
  if (isObject(doc.http)) node.http = doc.http;
  if (isObject(doc.aws)) node.aws = doc.aws;
  out.push(node);
  if (Array.isArray(doc.subsegments)) {
    for (const sub of doc.subsegments as unknown[]) {
      if (!isObject(sub)) continue;
      node.children.push(build(sub, 'subsegment', node.service, traceId, node.id, out));
    }
  }
  return node;
}

/** Orders siblings by start time, then ID, so trees print and match the same way every time. */
export function compareNodes(a: TraceNode, b: TraceNode): number {
  return a.startTime - b.startTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function annotationsOf(value: unknown): Record<string, AnnotationValue> {
  const out: Record<string, AnnotationValue> = {};
  if (!isObject(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
