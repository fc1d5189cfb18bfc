// Where each segment and subsegment of a run sits, by meaning rather than by ID, so two runs of the
// same traffic line up: a trace is keyed by what started it (the request's label, else the orders
// it carries) and its root, an entity by its path from the root (names, origins, and the rank
// among same-named siblings). Siblings are ranked by their content with the per-run values masked,
// then by start time, so the three shipments of one order line up by the line each carries, not
// by which ran first.
import type { SegmentDocument } from '@otel-xray/core';
import type { RawTrace } from './read-all-traces.ts';
import {
  normaliseText,
  normaliseValue,
  type IdNames,
  type RunValues,
} from './segment-normaliser.ts';

/** A segment or subsegment, placed. */
export interface PlacedEntity {
  /** `name (origin)`, `[inferred]` for the segments the local X-Ray adds, `#n` among equals. */
  path: string;
  doc: Record<string, unknown>;
  children: PlacedEntity[];
}

/** A trace of a run, placed. */
export interface PlacedTrace {
  /**
   * `meaning: root label`, `#n` among equals (oldest first). The meaning is the label of the
   * request that started the trace, else of the orders it carries, else `(no order)`; a
   * `dead_lettered` annotation is added (a message a consumer could not use starts a trace).
   */
  key: string;
  id: string;
  /** Every entity of the trace in tree order. */
  entities: PlacedEntity[];
}

/** ID names for ranking: every ID alike, since IDs are what ranking must not depend on. */
const MASKED: IdNames = { entity: () => '', exception: () => '', trace: () => '' };

interface Node {
  doc: Record<string, unknown>;
  children: Node[];
  segment: boolean;
}

/** Places every trace of a run and names every ID in it. */
export function placeTraces(
  traces: readonly RawTrace[],
  run: RunValues,
): { traces: PlacedTrace[]; names: IdNames } {
  const entityNames = new Map<string, string>();
  const exceptionNames = new Map<string, string>();
  const traceNames = new Map<string, string>();
  const placed: Array<PlacedTrace & { start: number }> = [];
  for (const trace of traces) {
    const roots = buildForest(trace.documents);
    const entities: PlacedEntity[] = [];
    const rank = rankSiblings(run);
    const labelOf = (node: Node): string => label(node, run);
    const place = (node: Node, parentPath: string, label: string): PlacedEntity => {
      const path = parentPath === '' ? label : `${parentPath} › ${label}`;
      const entity: PlacedEntity = { path, doc: node.doc, children: [] };
      entities.push(entity);
      entity.children = labelled(rank(node.children), labelOf).map(([child, l]) =>
        place(child, path, l),
      );
      return entity;
    };
    for (const [root, l] of labelled(rank(roots), labelOf)) place(root, '', l);
    const start = Math.min(...trace.documents.map((d) => Number(d.start_time)));
    placed.push({ key: traceKey(trace.id, entities, run), id: trace.id, entities, start });
  }
  placed.sort((a, b) => a.key.localeCompare(b.key) || a.start - b.start);
  const total = new Map<string, number>();
  for (const { key } of placed) total.set(key, (total.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const trace of placed) {
    const n = (seen.get(trace.key) ?? 0) + 1;
    seen.set(trace.key, n);
    if (total.get(trace.key)! > 1) trace.key += ` #${n}`;
    traceNames.set(trace.id, trace.key);
    for (const entity of trace.entities) {
      const where = `${trace.key} › ${entity.path}`;
      if (typeof entity.doc.id === 'string') entityNames.set(entity.doc.id, where);
      const cause = entity.doc.cause as { exceptions?: Array<{ id?: unknown }> } | undefined;
      for (const [i, exception] of (cause?.exceptions ?? []).entries())
        if (typeof exception.id === 'string') exceptionNames.set(exception.id, `${where} #${i}`);
    }
  }
  return {
    traces: placed.map(({ key, id, entities }) => ({ key, id, entities })),
    names: {
      entity: (id) => entityNames.get(id),
      exception: (id) => exceptionNames.get(id),
      trace: (id) => traceNames.get(id),
    },
  };
}

/** Segments and their nested subsegments, with each segment under the entity its parent_id names. */
function buildForest(documents: readonly SegmentDocument[]): Node[] {
  const byId = new Map<string, Node>();
  const nest = (doc: Record<string, unknown>, segment: boolean): Node => {
    const node: Node = { doc, children: [], segment };
    if (typeof doc.id === 'string') byId.set(doc.id, node);
    const subsegments = Array.isArray(doc.subsegments) ? doc.subsegments : [];
    node.children = subsegments.map((s) => nest(s as Record<string, unknown>, false));
    return node;
  };
  const segments = documents.map((d) => nest(d as unknown as Record<string, unknown>, true));
  const roots: Node[] = [];
  for (const segment of segments) {
    const parent = byId.get(String(segment.doc.parent_id));
    if (parent !== undefined && parent !== segment) parent.children.push(segment);
    else roots.push(segment);
  }
  return roots;
}

/** Orders siblings: segments after subsegments, then by label, masked content, start time. */
function rankSiblings(run: RunValues): (nodes: Node[]) => Node[] {
  const fingerprints = new Map<Node, string>();
  const fingerprint = (node: Node): string => {
    let print = fingerprints.get(node);
    if (print === undefined) {
      const own = { ...node.doc, subsegments: undefined };
      print = JSON.stringify([
        normaliseValue(own, run, MASKED),
        node.children.map(fingerprint).sort(),
      ]);
      fingerprints.set(node, print);
    }
    return print;
  };
  return (nodes) =>
    [...nodes].sort(
      (a, b) =>
        Number(a.segment) - Number(b.segment) ||
        label(a, run).localeCompare(label(b, run)) ||
        fingerprint(a).localeCompare(fingerprint(b)) ||
        Number(a.doc.start_time) - Number(b.doc.start_time),
    );
}

/** Each node with its label, `#n` added where siblings share one. */
function labelled(nodes: Node[], labelOf: (node: Node) => string): Array<[Node, string]> {
  const labels = nodes.map(labelOf);
  const count = new Map<string, number>();
  return nodes.map((node, i) => {
    const label = labels[i]!;
    const total = labels.filter((l) => l === label).length;
    const n = (count.get(label) ?? 0) + 1;
    count.set(label, n);
    return [node, total > 1 ? `${label} #${n}` : label];
  });
}

/** `name (origin) [inferred]`, the name normalised (a queue's name holds the run's prefix). */
function label(node: Node, run: RunValues): string {
  const { name, origin, inferred } = node.doc;
  return `${normaliseText(String(name), run, MASKED)}${typeof origin === 'string' ? ` (${origin})` : ''}${inferred === true ? ' [inferred]' : ''}`;
}

/** `meaning: root label`, plus the reason of a `dead_lettered` annotation (see PlacedTrace). */
function traceKey(id: string, entities: readonly PlacedEntity[], run: RunValues): string {
  const orders = [...new Set(entities.flatMap((e) => orderLabels(e.doc, run)))].sort();
  const meaning = run.requests.get(id) ?? (orders.join('+') || '(no order)');
  const lettered = entities
    .map((e) => annotation(e.doc, 'dead_lettered'))
    .filter((reason) => reason !== undefined)
    .map((reason) => ` (dead-lettered: ${JSON.stringify(reason)})`);
  return `${meaning}: ${entities[0]?.path ?? '(empty)'}${lettered.join('')}`;
}

function annotation(doc: Record<string, unknown>, name: string): unknown {
  return (doc.annotations as Record<string, unknown> | undefined)?.[name];
}

function orderLabels(doc: Record<string, unknown>, run: RunValues): string[] {
  const id = annotation(doc, 'order_id');
  const label = typeof id === 'string' ? run.orders.get(id) : undefined;
  return label === undefined ? [] : [label];
}
