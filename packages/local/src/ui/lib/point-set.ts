// The analytics columns of a result set kept by trace ID, so live refresh merges the traces that
// changed since its last read instead of reading every trace again. Pure.
import type { TracePoints } from './wire-types.ts';

/** One trace's analytics values. */
export interface Point {
  start: number;
  responseTime: number | null;
  fault: number;
}

/**
 * `base` with `delta`'s traces added or replaced, and traces that started before `windowStart`
 * (they left a moving window) dropped. `base` is left as it is; malformed deltas add nothing.
 * @example mergePoints(new Map(), { Id: ['a'], StartTime: [5], ResponseTime: [0.1], Fault: [0] }, 0).size === 1
 */
export function mergePoints(
  base: ReadonlyMap<string, Point>,
  delta: TracePoints,
  windowStart: number,
): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const [id, p] of base) if (p.start >= windowStart) out.set(id, p);
  const n = delta.Id?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const id = delta.Id?.[i];
    const start = delta.StartTime[i];
    if (typeof id !== 'string' || typeof start !== 'number') continue;
    out.set(id, {
      start,
      responseTime: delta.ResponseTime[i] ?? null,
      fault: delta.Fault[i] === 1 ? 1 : 0,
    });
  }
  return out;
}

/** The columns of a point set (the shape the histogram and time series read). */
export function toColumns(points: ReadonlyMap<string, Point>): TracePoints {
  const cols: TracePoints = { Id: [], StartTime: [], ResponseTime: [], Fault: [] };
  for (const [id, p] of points) {
    cols.Id?.push(id);
    cols.StartTime.push(p.start);
    cols.ResponseTime.push(p.responseTime);
    cols.Fault.push(p.fault);
  }
  return cols;
}
