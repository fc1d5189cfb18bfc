// BatchGetTraces documents → waterfall rows: one row per segment, subsegment and inferred segment,
// nested by parent links across services (a segment sits under the subsegment that called it).
import type { EntityFields, SegmentDocument } from '@otel-xray/core';
import { entityStatus } from './status.ts';
import type { Status } from './status.ts';
import type { Trace } from './wire-types.ts';

/** `inferred`: a segment X-Ray made up for a resource that sends none (spec §7). */
export type RowKind = 'segment' | 'subsegment' | 'inferred';

/** One bar of the waterfall. */
export interface TimelineRow {
  id: string;
  name: string;
  kind: RowKind;
  /** Nesting level, 0 for roots. */
  depth: number;
  /** Name of the segment (service) this row belongs to. */
  service: string;
  /** Epoch seconds. */
  start: number;
  /** Epoch seconds; undefined while in progress. */
  end: number | undefined;
  status: Status;
  /** `aws`, `remote` or undefined (local work). */
  namespace: string | undefined;
  /** The (sub)segment itself, for the detail pane. */
  entity: EntityFields;
  /** The segment document it came from. */
  segment: SegmentDocument;
}

interface TreeNode {
  entity: EntityFields;
  segment: SegmentDocument;
  kind: RowKind;
  children: TreeNode[];
}

function isDocument(value: unknown): value is SegmentDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SegmentDocument>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.start_time === 'number';
}

/** Parses a trace's segment documents; unparseable or malformed ones are skipped. */
export function parseTraceDocuments(trace: Trace): SegmentDocument[] {
  const docs: SegmentDocument[] = [];
  for (const segment of trace.Segments ?? []) {
    try {
      const parsed: unknown = JSON.parse(segment.Document ?? '');
      if (isDocument(parsed)) docs.push(parsed);
    } catch {
      // A broken document is left out of the waterfall rather than breaking the page.
    }
  }
  return docs;
}

function byStart(a: TreeNode, b: TreeNode): number {
  return a.entity.start_time - b.entity.start_time || a.entity.name.localeCompare(b.entity.name);
}

function segmentNode(doc: SegmentDocument, index: Map<string, TreeNode>): TreeNode {
  const kind: RowKind =
    doc.inferred === true ? 'inferred' : doc.type === 'subsegment' ? 'subsegment' : 'segment';
  const root: TreeNode = { entity: doc, segment: doc, kind, children: [] };
  const walk = (node: TreeNode): void => {
    index.set(node.entity.id, node);
    for (const sub of node.entity.subsegments ?? []) {
      if (!isDocument({ ...sub, trace_id: doc.trace_id })) continue;
      const child: TreeNode = { entity: sub, segment: doc, kind: 'subsegment', children: [] };
      node.children.push(child);
      walk(child);
    }
  };
  walk(root);
  return root;
}

/** Builds the waterfall rows in display order (depth-first, siblings by start time). */
export function buildTimelineRows(docs: readonly SegmentDocument[]): TimelineRow[] {
  const index = new Map<string, TreeNode>();
  const tops = docs.map((doc) => segmentNode(doc, index));
  const roots: TreeNode[] = [];
  for (const top of tops) {
    const parentId = top.entity.parent_id;
    const parent = parentId === undefined ? undefined : index.get(parentId);
    if (parent !== undefined && parent !== top) parent.children.push(top);
    else roots.push(top);
  }
  const rows: TimelineRow[] = [];
  const seen = new Set<TreeNode>();
  const emit = (node: TreeNode, depth: number): void => {
    if (seen.has(node)) return;
    seen.add(node);
    rows.push({
      id: node.entity.id,
      name: node.entity.name,
      kind: node.kind,
      depth,
      service: node.segment.name,
      start: node.entity.start_time,
      end: node.entity.in_progress === true ? undefined : node.entity.end_time,
      status: entityStatus(node.entity),
      namespace: typeof node.entity.namespace === 'string' ? node.entity.namespace : undefined,
      entity: node.entity,
      segment: node.segment,
    });
    for (const child of [...node.children].sort(byStart)) emit(child, depth + 1);
  };
  for (const root of roots.sort(byStart)) emit(root, 0);
  // Parent cycles leave nodes unreachable from any root; show them rather than lose them.
  for (const top of tops) emit(top, 0);
  return rows;
}
