// A run as the equivalence test compares it: trace key → entity path → normalised document.
import type { RawTrace } from './read-all-traces.ts';
import { normaliseValue, type RunValues } from './segment-normaliser.ts';
import { placeTraces } from './trace-tree.ts';

/** Trace key → entity path → the entity's normalised document. */
export type ComparableRun = Map<string, Map<string, unknown>>;

/**
 * Every entity of every trace, normalised (segment-normaliser.ts), under its trace key and path
 * (trace-tree.ts). A document's `subsegments` become the paths of its subsegments (each compared
 * under its own path); nothing else is left out.
 */
export function comparableRun(traces: readonly RawTrace[], run: RunValues): ComparableRun {
  const placed = placeTraces(traces, run);
  const out: ComparableRun = new Map();
  for (const trace of placed.traces) {
    const entities = new Map<string, unknown>();
    for (const entity of trace.entities) {
      const nested = Array.isArray(entity.doc.subsegments) ? entity.doc.subsegments : undefined;
      const doc =
        nested === undefined
          ? entity.doc
          : {
              ...entity.doc,
              subsegments: entity.children
                .filter((c) => nested.includes(c.doc))
                .map((c) => `<subsegment ${c.path}>`),
            };
      entities.set(entity.path, normaliseValue(doc, run, placed.names));
    }
    out.set(trace.key, entities);
  }
  return out;
}
