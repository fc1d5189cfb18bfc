// Span links between traces (the SQS batch case: a consumer's segment links to each producer's
// span; TRANSLATION.md §8, `links` on segments and subsegments). Outgoing links are read from the
// entity itself; "linked from" is found by reading other traces' documents for links into this one.
import type { EntityFields, SegmentDocument } from '@otel-xray/core';

/** One link as the detail pane lists it. */
export interface LinkView {
  /** The linked trace. */
  traceId: string;
  /** The linked (sub)segment in that trace. */
  segmentId: string;
  /** Link attributes, `key=value` joined (empty when none). */
  attributes: string;
}

/** A link from another trace into this one. */
export interface IncomingLink {
  /** The trace holding the link. */
  traceId: string;
  /** The (sub)segment holding the link. */
  segmentId: string;
  /** Its name, for the label. */
  name: string;
  /** The (sub)segment of this trace it points at. */
  targetId: string;
}

const attributeText = (attributes: Record<string, unknown> | undefined): string =>
  Object.entries(attributes ?? {})
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');

/** The links of one (sub)segment; malformed entries are skipped. */
export function linksOf(entity: EntityFields): LinkView[] {
  const links: unknown = (entity as { links?: unknown }).links;
  if (!Array.isArray(links)) return [];
  return links.flatMap((l: unknown) => {
    const link = l as { trace_id?: unknown; id?: unknown; attributes?: Record<string, unknown> };
    if (typeof link?.trace_id !== 'string' || typeof link.id !== 'string') return [];
    return [
      { traceId: link.trace_id, segmentId: link.id, attributes: attributeText(link.attributes) },
    ];
  });
}

function* entities(e: EntityFields): Generator<EntityFields> {
  yield e;
  for (const sub of e.subsegments ?? []) yield* entities(sub);
}

/** Every link of a trace's documents that points into trace `target` (IDs compared lower-case). */
export function linksInto(target: string, docs: readonly SegmentDocument[]): IncomingLink[] {
  const wanted = target.toLowerCase();
  const found: IncomingLink[] = [];
  for (const doc of docs) {
    if (doc.trace_id.toLowerCase() === wanted) continue;
    for (const e of entities(doc)) {
      for (const link of linksOf(e)) {
        if (link.traceId.toLowerCase() !== wanted) continue;
        found.push({
          traceId: doc.trace_id,
          segmentId: e.id,
          name: e.name,
          targetId: link.segmentId,
        });
      }
    }
  }
  return found;
}

/**
 * Traces worth reading for links into a trace that started at `start`: those starting from a
 * minute before it to `horizon` seconds after (a consumer runs after its producer), nearest first,
 * at most `max`.
 */
export function linkCandidates(
  summaries: ReadonlyArray<{ Id?: string; StartTime?: number }>,
  self: string,
  start: number,
  max = 20,
  horizon = 900,
): string[] {
  return summaries
    .filter(
      (s) =>
        s.Id !== undefined &&
        s.Id !== self &&
        s.StartTime !== undefined &&
        s.StartTime >= start - 60 &&
        s.StartTime <= start + horizon,
    )
    .sort((a, b) => Math.abs((a.StartTime ?? 0) - start) - Math.abs((b.StartTime ?? 0) - start))
    .slice(0, max)
    .map((s) => s.Id as string);
}
