// Sorting the trace list. GetTraceSummaries returns newest first and has no sort parameter, so the
// console's list route sorts the whole result set: by start time, duration, response time or status
// (worst first when descending), ties broken newest first, then by trace ID.
import { summaryStatus } from './status.ts';
import type { Status } from './status.ts';
import type { TraceSummary } from './wire-types.ts';

/** A sortable column. */
export type SortKey = 'time' | 'duration' | 'response' | 'status';

/** A column and a direction. */
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The API's own order: newest first. */
export const DEFAULT_SORT: SortOrder = { key: 'time', dir: 'desc' };

const KEYS: readonly SortKey[] = ['time', 'duration', 'response', 'status'];
/** Higher is worse. */
const STATUS_RANK: Readonly<Record<Status, number>> = {
  ok: 0,
  pending: 1,
  error: 2,
  throttle: 3,
  fault: 4,
};

function value(t: TraceSummary, key: SortKey): number {
  switch (key) {
    case 'time':
      return t.StartTime ?? 0;
    case 'duration':
      return t.Duration ?? 0;
    case 'response':
      return t.ResponseTime ?? -1;
    case 'status':
      return STATUS_RANK[summaryStatus(t)];
  }
}

/**
 * A sorted copy of `list`; the input is left as it is. The order `/_local/TraceList` sorts the
 * whole result set by on the server (query/trace-list.ts); its test compares the two.
 */
export function sortSummaries(list: readonly TraceSummary[], order: SortOrder): TraceSummary[] {
  const sign = order.dir === 'asc' ? 1 : -1;
  const keyed = list.map((t) => ({ t, v: value(t, order.key), start: t.StartTime ?? 0 }));
  keyed.sort(
    (a, b) =>
      sign * (a.v - b.v) ||
      b.start - a.start ||
      ((a.t.Id ?? '') < (b.t.Id ?? '') ? 1 : (a.t.Id ?? '') > (b.t.Id ?? '') ? -1 : 0),
  );
  return keyed.map((k) => k.t);
}

/** A header click: the same column flips its direction; another starts descending. */
export function toggleSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'desc' };
}

/** Reads `duration.asc`-style text (the URL's `sort`); `undefined` when unreadable. */
export function parseSort(text: string | null | undefined): SortOrder | undefined {
  const m = /^([a-z]+)\.(asc|desc)$/.exec(text ?? '');
  const key = KEYS.find((k) => k === m?.[1]);
  if (m === null || key === undefined) return undefined;
  return { key, dir: m[2] === 'asc' ? 'asc' : 'desc' };
}

/** Writes an order for the URL: `duration.asc`. */
export function formatSort(order: SortOrder): string {
  return `${order.key}.${order.dir}`;
}

/** Whether `order` is the API's own order (left out of URLs). */
export function isDefaultSort(order: SortOrder | undefined): boolean {
  return order === undefined || (order.key === 'time' && order.dir === 'desc');
}
