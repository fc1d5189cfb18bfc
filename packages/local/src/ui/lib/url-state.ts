// The page's state in its URL fragment, so every view can be shared, bookmarked and reached with
// back/forward: `#/traces/<trace-id>[/<segment-id>]?filter=…&from=…&to=…&group=…&sort=…&col=…`,
// or `#/?…` for the list alone. Parsing never throws: a part it cannot read is left at its default.
import { formatSort, isDefaultSort, parseSort } from './trace-sort.ts';
import type { SortOrder } from './trace-sort.ts';

/** The time range: the last `minutes` up to now, or a fixed `[from, to)` in epoch seconds. */
export type TimeRange =
  { kind: 'relative'; minutes: number } | { kind: 'absolute'; from: number; to: number };

/** Everything the URL says about the page. */
export interface UrlState {
  /** The opened trace (`1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx`), if one is named. */
  traceId?: string;
  /** The selected segment or subsegment of that trace (16 hex digits). */
  segmentId?: string;
  /** The applied filter expression, trimmed; `''` for none. */
  filter: string;
  range: TimeRange;
  /** The X-Ray group whose filter applies first. */
  group?: string;
  /** The list's order (`sort=duration.asc`); absent: newest first. */
  sort?: SortOrder;
  /** The annotation key shown as a column of the list (`col=order_id`). */
  column?: string;
}

/** The range of a page opened without one: the last 15 minutes. */
export const DEFAULT_RANGE: TimeRange = { kind: 'relative', minutes: 15 };
const DEFAULT_MINUTES = 15;

const TRACE_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
const SEGMENT_ID = /^[0-9a-f]{16}$/;
const RELATIVE = /^now-(\d{1,6})([mhd])$/;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };
/** Ten years: longer relative ranges are taken as typos. */
const MAX_MINUTES = 10 * 366 * 1440;
/** X-Ray's group names: at most 32 characters. */
const MAX_GROUP = 32;
/** Annotation keys: X-Ray allows up to 500 characters. */
const MAX_KEY = 500;

/** Whether `id` is an X-Ray trace ID in its canonical (lower-case) form. */
function isTraceId(id: string): boolean {
  return TRACE_ID.test(id);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** An instant: epoch seconds, or an ISO 8601 date-time (`Z` or an offset). */
function parseInstant(text: string): number | undefined {
  if (/^\d{9,11}(\.\d+)?$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

function parseRange(from: string | null, to: string | null): TimeRange {
  if (from === null) return DEFAULT_RANGE;
  const relative = RELATIVE.exec(from);
  if (relative !== null && (to === null || to === 'now')) {
    const minutes = Number(relative[1]) * (UNIT_MINUTES[relative[2] ?? 'm'] ?? 1);
    return minutes > 0 && minutes <= MAX_MINUTES ? { kind: 'relative', minutes } : DEFAULT_RANGE;
  }
  const start = parseInstant(from);
  const end = to === null ? undefined : parseInstant(to);
  if (start === undefined || end === undefined || end <= start) return DEFAULT_RANGE;
  return { kind: 'absolute', from: start, to: end };
}

/** Reads a `location.hash` (with or without the leading `#`). */
export function parseHash(hash: string): UrlState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const state: UrlState = {
    filter: (params.get('filter') ?? '').trim(),
    range: parseRange(params.get('from'), params.get('to')),
  };
  const group = params.get('group')?.trim();
  if (group !== undefined && group !== '' && group.length <= MAX_GROUP) state.group = group;
  const sort = parseSort(params.get('sort'));
  if (sort !== undefined && !isDefaultSort(sort)) state.sort = sort;
  const column = params.get('col')?.trim();
  if (column !== undefined && column !== '' && column.length <= MAX_KEY) state.column = column;
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'traces' && parts.length <= 3) {
    const traceId = decode(parts[1] ?? '')?.toLowerCase();
    if (traceId !== undefined && isTraceId(traceId)) {
      state.traceId = traceId;
      const segmentId = decode(parts[2] ?? '')?.toLowerCase();
      if (segmentId !== undefined && SEGMENT_ID.test(segmentId)) state.segmentId = segmentId;
    }
  }
  return state;
}

function formatInstant(epochSeconds: number): string {
  return new Date(Math.round(epochSeconds * 1000)).toISOString().replace('.000Z', 'Z');
}

function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return `now-${minutes / 1440}d`;
  if (minutes % 60 === 0) return `now-${minutes / 60}h`;
  return `now-${minutes}m`;
}

/** Writes the fragment for `state` (with the leading `#`); defaults are left out. */
export function formatHash(state: UrlState): string {
  let path = '#/';
  if (state.traceId !== undefined && isTraceId(state.traceId)) {
    path += `traces/${state.traceId}`;
    if (state.segmentId !== undefined && SEGMENT_ID.test(state.segmentId))
      path += `/${state.segmentId}`;
  }
  const params = new URLSearchParams();
  if (state.filter.trim() !== '') params.set('filter', state.filter.trim());
  const r = state.range;
  if (r.kind === 'absolute') {
    params.set('from', formatInstant(r.from));
    params.set('to', formatInstant(r.to));
  } else if (r.minutes !== DEFAULT_MINUTES) {
    params.set('from', formatMinutes(r.minutes));
  }
  if (state.group !== undefined && state.group !== '') params.set('group', state.group);
  if (state.sort !== undefined && !isDefaultSort(state.sort))
    params.set('sort', formatSort(state.sort));
  if (state.column !== undefined && state.column !== '') params.set('col', state.column);
  const query = params.toString().replace(/\+/g, '%20');
  return query === '' ? path : `${path}?${query}`;
}

/** Whether two states ask the API for the same list (filter, range and group; not its order). */
export function sameQuery(a: UrlState, b: UrlState): boolean {
  const query = (s: UrlState): UrlState => ({ filter: s.filter, range: s.range, group: s.group });
  return formatHash(query(a)) === formatHash(query(b));
}
