import type { StoredTrace } from '../store/stored-trace.ts';
import { assembleTrace, type AssembledSegment, type AssembledTrace } from './assemble-trace.ts';
import { num, obj, str, type Entity } from './entity.ts';
import { inferredResource } from './inferred-node.ts';

/** A service graph node's identity (the API's `ServiceId`). */
export interface NodeId {
  name: string;
  names: string[];
  /**
   * Segment `origin`, the inferred type, or `client`; absent when the segment has no origin, as in
   * real X-Ray output (no `Type` on such a node; see README "Service identities").
   */
  type?: string;
  /** The segment's `aws.account_id`; absent when it names none (X-Ray fills in no default). */
  accountId?: string;
}

/** One node of a trace's graph. */
export interface AnalysisNode {
  key: string;
  id: NodeId;
  inferred: boolean;
  client: boolean;
  root: boolean;
  /** The node's own segments (the client node: the root segment). */
  segments: Entity[];
}

/** One edge: calls from `from` to `to`, measured on the caller's side. */
export interface AnalysisEdge {
  key: string;
  from: AnalysisNode;
  to: AnalysisNode;
  /** Caller subsegments (or the callee segment where the caller has none). */
  samples: Entity[];
}

/** The structure of one trace: assembled segments, graph nodes and edges, root segment. */
export interface TraceGraphParts {
  assembled: AssembledTrace;
  root?: AssembledSegment;
  nodes: AnalysisNode[];
  edges: AnalysisEdge[];
  nodeOf: Map<AssembledSegment, AnalysisNode>;
  /** Earliest start, latest end over all segments (epoch seconds). */
  startTime: number;
  endTime: number;
}

/** Builds the graph structure of a stored trace (spec §7). Pure. */
export function analyseStructure(trace: StoredTrace): TraceGraphParts {
  const assembled = assembleTrace(trace);
  const nodes = new Map<string, AnalysisNode>();
  const nodeOf = new Map<AssembledSegment, AnalysisNode>();
  let startTime = Number.POSITIVE_INFINITY;
  let endTime = 0;
  for (const seg of assembled.segments) {
    const id = nodeIdOf(seg.doc);
    const key = nodeKey(id);
    let node = nodes.get(key);
    if (node === undefined) {
      node = { key, id, inferred: seg.inferred, client: false, root: false, segments: [] };
      nodes.set(key, node);
    } else if (id.names.some((n) => !(node as AnalysisNode).id.names.includes(n))) {
      node.id = intern({ ...node.id, names: [...new Set([...node.id.names, ...id.names])] });
    }
    node.segments.push(seg.doc);
    nodeOf.set(seg, node);
    const start = num(seg.doc, 'start_time') ?? startTime;
    startTime = Math.min(startTime, start);
    endTime = Math.max(endTime, num(seg.doc, 'end_time') ?? start);
  }
  const root = findRoot(assembled.segments);
  const edges = new Map<string, AnalysisEdge>();
  const addEdge = (from: AnalysisNode, to: AnalysisNode, sample: Entity): void => {
    const key = `${from.key}\u0002${to.key}`;
    const edge = edges.get(key) ?? { key, from, to, samples: [] };
    edge.samples.push(sample);
    edges.set(key, edge);
  };
  if (root !== undefined) {
    const rootNode = nodeOf.get(root) as AnalysisNode;
    rootNode.root = true;
    if (str(root.doc, 'parent_id') === undefined) {
      const clientId: NodeId = {
        name: rootNode.id.name,
        names: [rootNode.id.name],
        type: 'client',
      };
      const key = nodeKey(clientId);
      const client = nodes.get(key) ?? {
        key,
        id: clientId,
        inferred: false,
        client: true,
        root: false,
        segments: [],
      };
      client.segments.push(root.doc);
      nodes.set(key, client);
      addEdge(client, rootNode, root.doc);
    }
  }
  for (const seg of assembled.segments) {
    if (seg.caller === undefined) continue;
    const from = nodeOf.get(seg.caller);
    const to = nodeOf.get(seg);
    if (from !== undefined && to !== undefined) addEdge(from, to, seg.callerEntity ?? seg.doc);
  }
  if (!Number.isFinite(startTime)) startTime = trace.startTime;
  return {
    assembled,
    root,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    nodeOf,
    startTime,
    endTime,
  };
}

// Node identities repeat across traces: one shared object per identity keeps cached analyses
// small. Bounded so a stream of unique names cannot grow it without limit.
const interned = new Map<string, NodeId>();
const MAX_INTERNED = 10_000;

/**
 * Identity of the node a segment belongs to (shared object per identity; do not mutate). An
 * inferred segment's `names` also list the resource its `aws` block names, so a node standing for
 * two queues (one `SQS` node, as in X-Ray) still tells them apart.
 */
export function nodeIdOf(doc: Entity): NodeId {
  const name = str(doc, 'name') ?? 'unknown';
  const resource = doc.inferred === true ? inferredResource(obj(doc, 'aws')) : undefined;
  const names = resource === undefined || resource === name ? [name] : [name, resource];
  const id: NodeId = { name, names };
  const type = str(doc, 'origin');
  if (type !== undefined) id.type = type;
  const account = str(obj(doc, 'aws'), 'account_id');
  if (account !== undefined) id.accountId = account;
  return intern(id);
}

/** The shared object for an identity. */
export function intern(id: NodeId): NodeId {
  const key = nodeKey(id);
  const internKey = `${key}\u0001${id.names.join('\u0003')}`;
  const known = interned.get(internKey);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) {
    interned.set(internKey, id);
    keys.set(id, key);
  }
  return id;
}

const keys = new WeakMap<NodeId, string>();

/** Map key of a node identity (the same string for an interned identity). */
export function nodeKey(id: NodeId): string {
  return keys.get(id) ?? `${id.name}\u0001${id.type ?? ''}\u0001${id.accountId ?? ''}`;
}

function findRoot(segments: AssembledSegment[]): AssembledSegment | undefined {
  const real = segments.filter((s) => !s.inferred);
  const earliest = (list: AssembledSegment[]): AssembledSegment | undefined =>
    list.reduce<AssembledSegment | undefined>(
      (best, s) =>
        best === undefined || (num(s.doc, 'start_time') ?? 0) < (num(best.doc, 'start_time') ?? 0)
          ? s
          : best,
      undefined,
    );
  return (
    earliest(real.filter((s) => str(s.doc, 'parent_id') === undefined)) ??
    earliest(real.filter((s) => s.caller === undefined)) ??
    earliest(real)
  );
}
