// One status per entity, trace summary or statistics block, and the one colour of each status.
import type { Stats, TraceSummary } from './wire-types.ts';

/** What the UI colours by. `pending`: in progress or no completed requests yet. */
export type Status = 'fault' | 'throttle' | 'error' | 'ok' | 'pending';

/** Status colours: fault red, error orange, throttle purple, ok green, pending grey. */
export const STATUS_COLOURS: Readonly<Record<Status, string>> = {
  fault: '#d0312d',
  throttle: '#7b3fc4',
  error: '#e07b00',
  ok: '#2e8b57',
  pending: '#8a8f98',
};

/** Flags of a segment or subsegment (spec §4.6). */
export interface EntityFlags {
  fault?: boolean;
  error?: boolean;
  throttle?: boolean;
  in_progress?: boolean;
}

/**
 * Status of one (sub)segment. A 429 is flagged both `error` and `throttle`; `fault` wins over
 * both, `throttle` over a plain `error`.
 */
export function entityStatus(entity: EntityFlags): Status {
  if (entity.fault === true) return 'fault';
  if (entity.throttle === true) return 'throttle';
  if (entity.error === true) return 'error';
  if (entity.in_progress === true) return 'pending';
  return 'ok';
}

/**
 * Status of a trace summary row, the worst outcome anywhere in the trace, with the same precedence
 * as {@link entityStatus}. `HasFault`/`HasError` describe the root segment only (as in X-Ray), so a
 * fault or error that stayed downstream is read from `FaultRootCauses`/`ErrorRootCauses`: a 201
 * order whose inventory call faulted is a fault.
 */
export function summaryStatus(summary: TraceSummary): Status {
  if (summary.HasFault === true || (summary.FaultRootCauses?.length ?? 0) > 0) return 'fault';
  if (summary.HasThrottle === true) return 'throttle';
  if (summary.HasError === true || (summary.ErrorRootCauses?.length ?? 0) > 0) return 'error';
  if (summary.IsPartial === true) return 'pending';
  return 'ok';
}

/** Request counts of a node or edge, split by outcome. `error` excludes throttles. */
export interface Counts {
  total: number;
  ok: number;
  error: number;
  throttle: number;
  fault: number;
}

/** Reads the counts of a statistics block; absent members count as 0. */
export function countsOf(stats: Stats | undefined): Counts {
  const throttle = stats?.ErrorStatistics?.ThrottleCount ?? 0;
  const errorTotal = stats?.ErrorStatistics?.TotalCount ?? 0;
  return {
    total: stats?.TotalCount ?? 0,
    ok: stats?.OkCount ?? 0,
    error: Math.max(0, errorTotal - throttle),
    throttle,
    fault: stats?.FaultStatistics?.TotalCount ?? 0,
  };
}

/** The worst outcome present in a set of counts, or `pending` when nothing completed. */
export function countsStatus(counts: Counts): Status {
  if (counts.fault > 0) return 'fault';
  if (counts.throttle > 0) return 'throttle';
  if (counts.error > 0) return 'error';
  return counts.total > 0 ? 'ok' : 'pending';
}
