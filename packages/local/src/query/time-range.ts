import type { StoredTrace } from '../store/stored-trace.ts';

/** `GetTraceSummaries` `TimeRangeType` (spec §5.5). */
export type TimeRangeType = 'TraceId' | 'Event' | 'Service';

/** A query window in epoch seconds, `[start, end)`. */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * Whether a trace falls in the window. `TraceId`: the ID's epoch is in the window, or (for W3C-born
 * IDs with arbitrary epochs) its first segment starts in it; `Event`: the trace's span overlaps the
 * window; `Service`: its last segment ended in the window. Pure.
 */
export function inWindow(trace: StoredTrace, window: TimeWindow, type: TimeRangeType): boolean {
  const { start, end } = window;
  if (type === 'TraceId') {
    return (
      (trace.idEpoch >= start && trace.idEpoch < end) ||
      (trace.startTime >= start && trace.startTime < end)
    );
  }
  if (type === 'Service') return trace.endTime >= start && trace.endTime < end;
  return trace.startTime < end && trace.endTime >= start;
}
