// Requests and faults over the window, bucketed from the listed summaries by start time. Pure.
import type { TraceSummary } from './wire-types.ts';

/** Equal buckets over `[start, start + width × requests.length)`, epoch seconds. */
export interface TimeBuckets {
  start: number;
  width: number;
  /** Traces started in each bucket. */
  requests: number[];
  /** Of those, traces with a fault anywhere (root segment or a fault root cause). */
  faults: number[];
}

/** Whether a summary has a fault anywhere in its trace. */
function faulted(s: TraceSummary): boolean {
  return s.HasFault === true || (s.FaultRootCauses?.length ?? 0) > 0;
}

/**
 * Buckets summaries started in `[start, end)` into `count` equal buckets; others are skipped.
 * @example bucketSummaries([{ StartTime: 5 }], 0, 10, 2).requests // [1, 0]
 */
export function bucketSummaries(
  summaries: readonly TraceSummary[],
  start: number,
  end: number,
  count: number,
): TimeBuckets {
  const n = Math.max(1, Math.floor(count));
  const width = Math.max(end - start, 1e-3) / n;
  const requests = new Array<number>(n).fill(0);
  const faults = new Array<number>(n).fill(0);
  for (const s of summaries) {
    const t = s.StartTime;
    if (t === undefined || !(t >= start && t < end)) continue;
    const i = Math.min(n - 1, Math.floor((t - start) / width));
    requests[i] = (requests[i] ?? 0) + 1;
    if (faulted(s)) faults[i] = (faults[i] ?? 0) + 1;
  }
  return { start, width, requests, faults };
}
