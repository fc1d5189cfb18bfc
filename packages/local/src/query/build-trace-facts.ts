import type { AnnotationValue } from '@otel-xray/core';
import { elapsed, flags, httpFacts, obj, str, walk, type Entity } from './entity.ts';
import { findRootCauses } from './root-causes.ts';
import type { AnalysisNode, NodeId, TraceGraphParts } from './trace-analysis.ts';
import type { EdgeFacts, EntityFacts, ServiceFacts, TraceFacts } from './trace-facts.ts';

/** At most this many annotation keys are indexed per trace (spec §10). */
export const MAX_INDEXED_ANNOTATIONS = 50;

/** Facts plus the per-service attributions the summary needs. */
export interface FactsWithDetails {
  facts: TraceFacts;
  /** Annotation key → distinct values with the services that recorded them. */
  annotations: Map<string, Array<{ value: AnnotationValue; services: NodeId[] }>>;
  /** User → services that recorded it. */
  users: Map<string, NodeId[]>;
}

/**
 * Reduces an analysed trace to {@link TraceFacts} (what filter expressions ask about): trace-level
 * flags from the root segment (throttle and partial from any segment), every node with its own
 * facts, every edge with facts from the caller's side, root causes. Pure.
 */
export function buildTraceFacts(parts: TraceGraphParts): FactsWithDetails {
  const annotations = new Map<string, Array<{ value: AnnotationValue; services: NodeId[] }>>();
  const users = new Map<string, NodeId[]>();
  const perNode = new Map<AnalysisNode, EntityFacts>();
  for (const [seg, node] of parts.nodeOf) {
    const own = perNode.get(node) ?? blank();
    perNode.set(node, own);
    addSegment(own, seg.doc);
    if (seg.inferred) continue;
    walk(seg.doc, (e) => {
      const ann = obj(e, 'annotations');
      if (ann === undefined) return;
      for (const [key, value] of Object.entries(ann)) {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
          continue;
        own.annotations = addList(own.annotations, key, value);
        if (!annotations.has(key) && annotations.size >= MAX_INDEXED_ANNOTATIONS) continue;
        const values = annotations.get(key) ?? [];
        annotations.set(key, values);
        const slot = values.find((v) => v.value === value) ?? { value, services: [] };
        if (!values.includes(slot)) values.push(slot);
        if (!slot.services.includes(node.id)) slot.services.push(node.id);
      }
    });
    const user = str(seg.doc, 'user');
    if (user !== undefined) {
      const list = users.get(user) ?? [];
      if (!list.includes(node.id)) list.push(node.id);
      users.set(user, list);
    }
  }
  const services: ServiceFacts[] = [];
  for (const node of parts.nodes) {
    if (node.client) continue;
    const f = perNode.get(node) ?? blank();
    services.push({ ...f, ...ident(node), root: node.root, inferred: node.inferred });
  }
  const edges: EdgeFacts[] = parts.edges.map((edge) => {
    const f = blank();
    for (const s of edge.samples) addSegment(f, s, false);
    return {
      ...f,
      from: ident(edge.from),
      to: ident(edge.to),
      root: edge.from.client,
      inferred: edge.to.inferred,
    };
  });
  const trace = blank();
  for (const seg of parts.assembled.segments) {
    if (seg.inferred) continue;
    addSegment(trace, seg.doc);
  }
  const root = parts.root?.doc;
  const rootFlags = root === undefined ? undefined : flags(root);
  trace.error = rootFlags?.error ?? false;
  trace.fault = rootFlags?.fault ?? false;
  trace.ok = !trace.error && !trace.fault && !trace.throttle;
  trace.partial ||= parts.assembled.segments.some((s) => s.inferred && tracedCall(s.doc));
  trace.duration = Math.max(
    0,
    parts.endTime - (root === undefined ? parts.startTime : (root.start_time as number)),
  );
  const rt = root === undefined ? undefined : elapsed(root);
  if (rt === undefined) delete trace.responsetime;
  else trace.responsetime = rt;
  trace.http = root?.http === undefined ? NO_HTTP : httpFacts(root);
  trace.annotations =
    annotations.size === 0
      ? NO_ANNOTATIONS
      : new Map([...annotations].map(([k, v]) => [k, v.map((x) => x.value)]));
  return {
    facts: { ...trace, id: parts.assembled.id, services, edges, rootCauses: findRootCauses(parts) },
    annotations,
    users,
  };
}

// Shared empty values: most services and edges have no users, zones or annotations, and facts are
// cached for every stored trace, so empty containers are not allocated per entity.
const NONE: string[] = [];
const NO_ANNOTATIONS = new Map<string, AnnotationValue[]>();
const NO_HTTP = {};

function blank(): EntityFacts {
  return {
    ok: true,
    error: false,
    throttle: false,
    fault: false,
    partial: false,
    http: NO_HTTP,
    users: NONE,
    annotations: NO_ANNOTATIONS,
    availabilityZones: NONE,
    instanceIds: NONE,
    resourceArns: NONE,
  };
}

function addSegment(f: EntityFacts, doc: Entity, segmentFields = true): void {
  const fl = flags(doc);
  f.error ||= fl.error;
  f.fault ||= fl.fault;
  f.throttle ||= fl.throttle;
  f.partial ||= fl.inProgress;
  f.ok = !f.error && !f.fault && !f.throttle;
  const took = elapsed(doc);
  if (took !== undefined) {
    f.responsetime = Math.max(f.responsetime ?? 0, took);
    f.duration = Math.max(f.duration ?? 0, took);
  }
  if (f.http === NO_HTTP && doc.http !== undefined) f.http = httpFacts(doc);
  if (!segmentFields) return;
  f.users = addUnique(f.users, str(doc, 'user'));
  f.resourceArns = addUnique(f.resourceArns, str(doc, 'resource_arn'));
  const aws = obj(doc, 'aws');
  if (aws === undefined) return;
  f.instanceIds = addUnique(f.instanceIds, str(obj(aws, 'ec2'), 'instance_id'));
  f.availabilityZones = addUnique(f.availabilityZones, str(obj(aws, 'ec2'), 'availability_zone'));
  f.availabilityZones = addUnique(f.availabilityZones, str(obj(aws, 'ecs'), 'availability_zone'));
}

function tracedCall(doc: Entity): boolean {
  return obj(obj(doc, 'http'), 'request')?.traced === true;
}

function addUnique(list: string[], value: string | undefined): string[] {
  if (value === undefined || list.includes(value)) return list;
  return list === NONE ? [value] : (list.push(value), list);
}

function addList(
  map: Map<string, AnnotationValue[]>,
  key: string,
  value: AnnotationValue,
): Map<string, AnnotationValue[]> {
  const own = map === NO_ANNOTATIONS ? new Map<string, AnnotationValue[]>() : map;
  const list = own.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  own.set(key, list);
  return own;
}

function ident(node: AnalysisNode): Pick<ServiceFacts, 'name' | 'names' | 'type' | 'accountId'> {
  return {
    name: node.id.name,
    names: node.id.names,
    type: node.id.type ?? '',
    ...(node.id.accountId === undefined ? {} : { accountId: node.id.accountId }),
  };
}
