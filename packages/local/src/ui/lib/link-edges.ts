// Link edges of the service map: X-Ray draws an asynchronous trace link (the SQS batch case: a
// consumer's segment links to the producer's SendMessage span) as a dashed edge from the producer's
// node (the inferred queue node of that span) to the consumer's node. GetServiceGraph has no such
// edges here, so the page adds them from the documents of the traces the list holds.
import type { EntityFields, SegmentDocument } from '@otel-xray/core';
import type { MapEdge, MapNode, ServiceMap } from './service-map-model.ts';
import { linksOf } from './trace-links.ts';

/** One link edge: node keys, and how many links it stands for. */
export interface LinkEdge {
  from: string;
  to: string;
  count: number;
}

/** Traces of the list whose documents are read for links: the newest ones. */
export const LINK_TRACE_LIMIT = 25;

interface Held {
  entity: EntityFields;
  segment: SegmentDocument;
}

function* entities(e: EntityFields): Generator<EntityFields> {
  yield e;
  for (const sub of e.subsegments ?? []) yield* entities(sub);
}

/** The node of a segment: a service of that name, preferring the segment's origin as type. */
function serviceNode(nodes: readonly MapNode[], segment: SegmentDocument): MapNode | undefined {
  const named = nodes.filter((n) => n.kind === 'service' && n.name === segment.name);
  return named.find((n) => n.type === segment.origin) ?? named[0];
}

/** The resource an AWS call names (queue, topic, table or bucket), to tell inferred nodes apart. */
function resourceOf(entity: EntityFields): string | undefined {
  const aws = (entity as { aws?: Record<string, unknown> }).aws;
  const text = (key: string): string | undefined =>
    typeof aws?.[key] === 'string' ? aws[key] : undefined;
  const queue = text('queue_url');
  if (queue !== undefined) return queue.split('/').pop();
  const topic = text('topic_arn') ?? text('target_arn');
  if (topic !== undefined) return topic.split(':').pop();
  return text('table_name') ?? text('bucket_name');
}

/** The node a linked (sub)segment stands for: its downstream node for a call, else its service. */
function producerNode(nodes: readonly MapNode[], held: Held): MapNode | undefined {
  const { entity, segment } = held;
  const namespace = (entity as { namespace?: string }).namespace;
  if (entity === segment || (namespace !== 'aws' && namespace !== 'remote'))
    return serviceNode(nodes, segment);
  const named = nodes.filter((n) => n.kind === 'inferred' && n.name === entity.name);
  const resource = resourceOf(entity);
  return named.find((n) => resource !== undefined && n.resources.includes(resource)) ?? named[0];
}

/**
 * The link edges among `docs` (documents of several traces): for each link whose target span is
 * among them, an edge from the target's node to the node of the segment holding the link. Links
 * to spans not read, to nodes the map lacks, or within one node are left out.
 * @example linkEdges(map.nodes, docs) // [{ from: '3' (SQS), to: '5' (shipping-worker), count: 1 }]
 */
export function linkEdges(nodes: readonly MapNode[], docs: readonly SegmentDocument[]): LinkEdge[] {
  const held = new Map<string, Held>();
  for (const segment of docs) {
    for (const entity of entities(segment)) {
      held.set(`${segment.trace_id}/${entity.id}`.toLowerCase(), { entity, segment });
    }
  }
  const edges = new Map<string, LinkEdge>();
  for (const segment of docs) {
    for (const entity of entities(segment)) {
      for (const link of linksOf(entity)) {
        const target = held.get(`${link.traceId}/${link.segmentId}`.toLowerCase());
        if (target === undefined || target.segment.trace_id === segment.trace_id) continue;
        const from = producerNode(nodes, target)?.key;
        const to = serviceNode(nodes, segment)?.key;
        if (from === undefined || to === undefined || from === to) continue;
        const key = `${from}>${to}`;
        const edge = edges.get(key) ?? { from, to, count: 0 };
        edge.count += 1;
        edges.set(key, edge);
      }
    }
  }
  return [...edges.values()];
}

/** Trace IDs the documents link to that are not among them (their producers, to read next). */
export function missingLinkTargets(docs: readonly SegmentDocument[], max: number): string[] {
  const have = new Set(docs.map((d) => d.trace_id.toLowerCase()));
  const wanted = new Set<string>();
  for (const segment of docs) {
    for (const entity of entities(segment)) {
      for (const link of linksOf(entity)) {
        const id = link.traceId.toLowerCase();
        if (!have.has(id) && wanted.size < max) wanted.add(id);
      }
    }
  }
  return [...wanted];
}

/**
 * `map` with the link edges added as `edgeType: 'link'` (drawn dashed); a pair already joined by
 * an edge keeps that edge alone (the layout draws one edge per pair).
 */
export function withLinkEdges(map: ServiceMap, links: readonly LinkEdge[]): ServiceMap {
  const joined = new Set(map.edges.map((e) => `${e.from}>${e.to}`));
  const added = links
    .filter((l) => !joined.has(`${l.from}>${l.to}`))
    .map((l): MapEdge => ({
      from: l.from,
      to: l.to,
      counts: { total: l.count, ok: l.count, error: 0, throttle: 0, fault: 0 },
      status: 'ok',
      meanSeconds: undefined,
      edgeType: 'link',
    }));
  return added.length === 0 ? map : { nodes: map.nodes, edges: [...map.edges, ...added] };
}
