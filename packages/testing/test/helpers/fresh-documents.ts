// The fixture documents moved to now: a new trace ID (current epoch) and times shifted to match,
// so a local X-Ray accepts them as a fresh trace.
import { randomBytes } from 'node:crypto';

/** A copy of `docs` under a new trace ID, with every start/end time shifted to start at `nowMs`. */
export function freshDocuments(
  docs: ReadonlyArray<Record<string, unknown>>,
  nowMs = Date.now(),
): { traceId: string; documents: Array<Record<string, unknown>> } {
  const traceId = `1-${Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
  const starts = docs.map((d) => d.start_time).filter((t): t is number => typeof t === 'number');
  const shift = nowMs / 1000 - Math.min(...starts);
  const move = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => move(v, ''));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]));
    }
    if ((key === 'start_time' || key === 'end_time') && typeof value === 'number')
      return value + shift;
    if (key === 'trace_id') return traceId;
    return value;
  };
  return { traceId, documents: docs.map((d) => move(d, '') as Record<string, unknown>) };
}
