import type { StoredTrace } from '../store/stored-trace.ts';
import { children, num, str, walk, type Entity } from './entity.ts';
import { inferredNode } from './inferred-node.ts';

/** One segment of an assembled trace. */
export interface AssembledSegment {
  /** Segment ID. */
  id: string;
  /** The parsed document, with independent subsegments merged in. */
  doc: Entity;
  /** The document as received, when nothing was merged into it. */
  raw?: string;
  /** Generated for an `aws`/`remote` subsegment whose callee sent no segment. */
  inferred: boolean;
  /** Graph caller: the segment this one was called from (an inferred segment for AWS hops). */
  caller?: AssembledSegment;
  /** The caller's subsegment that made the call, if the caller is a real segment. */
  callerEntity?: Entity;
}

/** A trace as X-Ray returns it: segments with their subsegments, plus inferred segments. */
export interface AssembledTrace {
  id: string;
  segments: AssembledSegment[];
  /** Independent subsegments whose parent never arrived (kept, not lost). */
  orphans: Entity[];
}

/**
 * Assembles a stored trace (spec §5.4a, §7): parses each document, merges independent subsegments
 * into their parent (segment or subsegment), and adds an inferred segment for every `aws` call and
 * for every `remote` call no segment answered. A document that is not a JSON object (damaged in
 * the `--data` file) is skipped. Pure and deterministic.
 */
export function assembleTrace(trace: StoredTrace): AssembledTrace {
  const segments: AssembledSegment[] = [];
  const pending: Entity[] = [];
  for (const stored of trace.documents.values()) {
    const doc = parseDocument(stored.raw);
    if (doc === undefined) continue; // a damaged document: the trace is served from the rest
    if (stored.independent) pending.push(doc);
    else segments.push({ id: stored.id, doc, raw: stored.raw, inferred: false });
  }
  const owner = new Map<string, { entity: Entity; segment: AssembledSegment }>();
  for (const segment of segments) index(owner, segment.doc, segment);
  const orphans = mergeIndependent(pending, owner);
  addInferred(trace.id, segments, owner);
  return { id: trace.id, segments, orphans };
}

/** The parsed document, or undefined when `raw` is not a JSON object. */
function parseDocument(raw: string): Entity | undefined {
  try {
    const doc: unknown = JSON.parse(raw);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Entity)
      : undefined;
  } catch {
    return undefined;
  }
}

function index(
  owner: Map<string, { entity: Entity; segment: AssembledSegment }>,
  root: Entity,
  segment: AssembledSegment,
): void {
  walk(root, (entity) => {
    const id = str(entity, 'id');
    if (id !== undefined && !owner.has(id)) owner.set(id, { entity, segment });
  });
}

function mergeIndependent(
  pending: Entity[],
  owner: Map<string, { entity: Entity; segment: AssembledSegment }>,
): Entity[] {
  let rest = pending;
  for (let progress = true; progress && rest.length > 0;) {
    progress = false;
    const next: Entity[] = [];
    for (const sub of rest) {
      const parent = owner.get(str(sub, 'parent_id') ?? '');
      if (parent === undefined) {
        next.push(sub);
        continue;
      }
      progress = true;
      if (owner.has(str(sub, 'id') ?? '')) continue; // already embedded by a later segment copy
      const embedded: Entity = { ...sub };
      delete embedded.type;
      delete embedded.trace_id;
      delete embedded.parent_id;
      const list = children(parent.entity);
      parent.entity.subsegments = [...list, embedded];
      delete parent.segment.raw;
      index(owner, embedded, parent.segment);
    }
    rest = next;
  }
  return rest;
}

function addInferred(
  traceId: string,
  segments: AssembledSegment[],
  owner: Map<string, { entity: Entity; segment: AssembledSegment }>,
): void {
  const answered = new Map<string, AssembledSegment[]>();
  for (const s of segments) {
    const parentId = str(s.doc, 'parent_id');
    if (parentId !== undefined) answered.set(parentId, [...(answered.get(parentId) ?? []), s]);
  }
  const real = [...segments];
  for (const segment of real) {
    walk(segment.doc, (entity, depth) => {
      if (depth === 0) return;
      const node = inferredNode(entity);
      const id = str(entity, 'id');
      if (node === undefined || id === undefined) return;
      const callees = answered.get(id) ?? [];
      if (str(entity, 'namespace') === 'remote' && callees.length > 0) {
        for (const callee of callees)
          Object.assign(callee, { caller: segment, callerEntity: entity });
        return;
      }
      const inferred = inferredSegment(traceId, entity, node.name, node.type);
      const seg: AssembledSegment = {
        id: str(inferred, 'id') as string,
        doc: inferred,
        inferred: true,
        caller: segment,
        callerEntity: entity,
      };
      segments.push(seg);
      for (const callee of callees) callee.caller = seg;
    });
  }
  for (const s of real) {
    if (s.caller !== undefined) continue;
    const parent = owner.get(str(s.doc, 'parent_id') ?? '');
    if (parent !== undefined && parent.segment !== s) {
      s.caller = parent.segment;
      if (parent.entity !== parent.segment.doc) s.callerEntity = parent.entity;
    }
  }
}

function inferredSegment(traceId: string, sub: Entity, name: string, origin: string): Entity {
  const id = inferredId(String(sub.id));
  const doc: Entity = { id, name, trace_id: traceId, parent_id: sub.id, origin, inferred: true };
  doc.start_time = num(sub, 'start_time');
  if (num(sub, 'end_time') !== undefined) doc.end_time = sub.end_time;
  else doc.in_progress = true;
  for (const key of ['http', 'aws', 'error', 'fault', 'throttle', 'cause']) {
    if (sub[key] !== undefined) doc[key] = sub[key];
  }
  return doc;
}

const HEX = '0123456789abcdef';

/** A stable ID for the inferred segment of subsegment `id`: each hex digit rotated by 8. */
function inferredId(id: string): string {
  let out = '';
  for (let i = 0; i < id.length; i++) out += HEX[(parseInt(id[i] as string, 16) + 8) % 16] ?? '0';
  return out;
}
