/// <reference lib="dom" />
// The page's state and wiring: loads the map and the trace list every few seconds (paused while
// the user edits the filter or presses pause), and the selected trace's waterfall and detail.
// The list asks the server for what it shows (`/_local/TraceList`: the total and the sorted rows
// drawn, 100 more per "load more"); the analytics columns come in a second request so they never
// hold the list up. Live refresh first reads the store's change counter and reloads only when
// something was stored, a trace left the window, or 30 s passed. The URL fragment holds the trace, segment, filter, range, group,
// sort and annotation column (lib/url-state.ts): every change the user makes is written there, and
// back/forward or an edited URL is read back.
import type { SegmentDocument } from '@otel-xray/core';
import { toggled } from '../lib/collapse.ts';
import { formatClock, formatDurationMs } from '../lib/format.ts';
import { withGroup } from '../lib/group-filter.ts';
import { groupOptions } from '../lib/group-options.ts';
import { binValues } from '../lib/histogram.ts';
import {
  LINK_TRACE_LIMIT,
  linkEdges,
  missingLinkTargets,
  withLinkEdges,
} from '../lib/link-edges.ts';
import { layoutServiceMap } from '../lib/map-layout.ts';
import { selectedStats } from '../lib/map-selection.ts';
import type { MapSelection } from '../lib/map-selection.ts';
import { createPoller, shouldPause } from '../lib/poller.ts';
import { mergePoints, toColumns } from '../lib/point-set.ts';
import type { Point } from '../lib/point-set.ts';
import { needsReload } from '../lib/refresh-plan.ts';
import { nextShown, resultCount } from '../lib/result-count.ts';
import { formatRootCause, rootCauseOf } from '../lib/root-cause.ts';
import { emptyNotice, isUnreachable, unreachableNotice } from '../lib/page-notice.ts';
import type { PageNotice } from '../lib/page-notice.ts';
import { rawDocument } from '../lib/raw-document.ts';
import { withResponseTimeRange } from '../lib/response-time-filter.ts';
import { describeEntity } from '../lib/segment-detail.ts';
import { buildServiceMap } from '../lib/service-map-model.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import { bucketSummaries } from '../lib/time-buckets.ts';
import type { Status } from '../lib/status.ts';
import { buildTimelineRows, parseTraceDocuments } from '../lib/timeline.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import { timelineScale } from '../lib/timeline-scale.ts';
import { customRange } from '../lib/local-datetime.ts';
import { rangeBounds, spansDays } from '../lib/time-range.ts';
import { parseTraceIdInput } from '../lib/trace-id-input.ts';
import { linkCandidates, linksInto, linksOf } from '../lib/trace-links.ts';
import type { IncomingLink } from '../lib/trace-links.ts';
import { chooseTrace } from '../lib/trace-selection.ts';
import { DEFAULT_SORT, formatSort, isDefaultSort, toggleSort } from '../lib/trace-sort.ts';
import type { SortKey } from '../lib/trace-sort.ts';
import { formatHash, parseHash, sameQuery } from '../lib/url-state.ts';
import type { UrlState } from '../lib/url-state.ts';
import type { Group, Service, Trace, TracePoints, TraceSummary } from '../lib/wire-types.ts';
import {
  getGroups,
  getServiceGraph,
  getStoreState,
  getTrace,
  getTraceList,
  getTraces,
} from './api.ts';
import type { ListRequest } from './api.ts';
import { renderDetail } from './detail-view.ts';
import { appendSegmentLogs, createLogsPanel } from './logs-view.ts';
import { byId, h, replace } from './dom.ts';
import { renderFilterError } from './filter-error-view.ts';
import { renderHistogram } from './histogram-view.ts';
import { renderMapPanel } from './map-panel-view.ts';
import { CUSTOM, fillCustom, pickedRange, showRange } from './range-select-view.ts';
import { renderServiceMap } from './service-map-view.ts';
import { renderTimeline } from './timeline-view.ts';
import { renderTimeSeries } from './time-series-view.ts';
import { renderTraceList } from './trace-list-view.ts';

const POLL_MS = 3000;
/** A live refresh reloads at least this often even when the store did not change (the map). */
const FULL_EVERY_MS = 30_000;
/** Rows drawn at first and added by each "load more". */
const PAGE_ROWS = 100;
const offsetMinutes = -new Date().getTimezoneOffset();
/** Bars of the response-time histogram and of the time series. */
const HISTOGRAM_BINS = 40;
const SERIES_BUCKETS = 60;

const el = {
  window: byId<HTMLSelectElement>('window'),
  custom: byId<HTMLFormElement>('custom-range'),
  rangeFrom: byId<HTMLInputElement>('range-from'),
  rangeTo: byId<HTMLInputElement>('range-to'),
  rangeCancel: byId<HTMLButtonElement>('range-cancel'),
  rangeError: byId('range-error'),
  group: byId<HTMLSelectElement>('group'),
  live: byId<HTMLButtonElement>('live'),
  refreshed: byId('refreshed'),
  legend: byId('legend'),
  map: byId('service-map'),
  mapError: byId('map-error'),
  mapPanel: byId('map-panel'),
  histogram: byId('histogram'),
  series: byId('time-series'),
  form: byId<HTMLFormElement>('filter-form'),
  filter: byId<HTMLInputElement>('filter'),
  filterError: byId('filter-error'),
  list: byId<HTMLTableElement>('trace-list'),
  count: byId('trace-count'),
  column: byId<HTMLSelectElement>('annotation-column'),
  traceId: byId('trace-id'),
  traceMeta: byId('trace-meta'),
  traceNote: byId('trace-note'),
  linkedFrom: byId('linked-from'),
  notice: byId('notice'),
  timeline: byId('timeline'),
  detail: byId('detail'),
};

/** The trace's log lines under the waterfall; a clicked line selects its segment. */
const logs = createLogsPanel(byId('trace-logs'), (id) => selectRow(id), offsetMinutes);

const state = {
  /** What the URL says; the list, the filter box and the picker follow it. */
  route: parseHash(location.hash),
  manual: false,
  /** The last refresh could not reach the server (it keeps trying). */
  unreachable: false,
  /** The rows shown: the first `shown` of the result set, sorted as the URL says. */
  summaries: [] as TraceSummary[],
  /** Traces in the whole result set. */
  total: 0,
  /** Annotation keys of the whole result set. */
  keys: [] as string[],
  /** The newest matching trace IDs, newest first (trace selection, link edges). */
  newest: [] as string[],
  /** The shown trace's summary when it matches the query (null: it does not). */
  pinned: undefined as TraceSummary | null | undefined,
  /** Start, response time and fault of every matching trace, for the analytics. */
  points: undefined as TracePoints | undefined,
  /** The same by trace ID, the server's clock when read, and for which query. */
  pointSet: new Map<string, Point>(),
  pointsAt: 0,
  pointsFor: '',
  /** What the last full refresh read: the store's change counter, the list request, when. */
  loaded: { version: '', list: '', at: 0 },
  /** Rows drawn: grows with "load more", back to one page when the query changes. */
  shown: PAGE_ROWS,
  /** Whether `summaries` were loaded for `route`'s query (not an earlier one). */
  listed: false,
  /** The trace shown: the URL's, else the newest of the list (kept while listed). */
  trace: undefined as string | undefined,
  /** The shown trace is the URL's but the list does not have it. */
  outside: false,
  /** The user just changed the query: let the URL's trace go if the new list lacks it. */
  dropUnlisted: false,
  row: undefined as string | undefined,
  docs: [] as SegmentDocument[],
  rows: [] as TimelineRow[],
  /** The shown trace as BatchGetTraces returned it (raw documents). */
  raw: undefined as Trace | undefined,
  /** The server's groups (GetGroups), for the picker. */
  groups: [] as Group[],
  /** Rows of the shown trace whose subtrees are collapsed. */
  collapsed: new Set<string>(),
  /** The last GetServiceGraph answer. */
  graph: [] as Service[],
  /** Documents of the newest listed traces (and of traces they link to), read for link edges. */
  linkDocs: [] as SegmentDocument[],
  /** The listed trace IDs `linkDocs` were read for. */
  linksFrom: '',
  /** The map node or edge whose panel is open. */
  selected: undefined as MapSelection | undefined,
};

/** Links into a trace found in other traces, by trace ID, with the candidates that were read. */
const incoming = new Map<string, { candidates: string; links: IncomingLink[] }>();

for (const [status, colour] of Object.entries(STATUS_COLOURS)) {
  document.documentElement.style.setProperty(`--${status}`, colour);
}
replace(
  el.legend,
  ...(['ok', 'error', 'throttle', 'fault'] as Status[]).map((st) =>
    h('li', { vars: { swatch: STATUS_COLOURS[st] } }, st),
  ),
);

// What each area was last drawn from: a poll that brings the same data leaves the DOM alone, so
// hover, focus and scroll positions survive live refresh.
const drawn = new Map<string, string>();
function changed(area: string, ...inputs: unknown[]): boolean {
  const key = JSON.stringify(inputs);
  if (drawn.get(area) === key) return false;
  drawn.set(area, key);
  return true;
}

function drawList(): void {
  const sort = state.route.sort ?? DEFAULT_SORT;
  const column = state.route.column;
  const rows = state.summaries;
  const [start, end] = rangeBounds(state.route.range, Date.now() / 1000);
  const withDate = spansDays(start, end, offsetMinutes);
  if (!changed('list', rows, state.total, state.trace, sort, column, withDate)) return;
  renderTraceList(
    el.list,
    {
      rows,
      total: state.total,
      selected: state.trace,
      sort,
      column,
      offsetMinutes,
      withDate,
      step: PAGE_ROWS,
    },
    { onSelect: selectTrace, onSort: sortBy, onMore: loadMore },
  );
}

function showCount(): void {
  el.count.textContent =
    state.listed || state.summaries.length > 0
      ? resultCount(state.summaries.length, state.total, true)
      : '';
}

/** Fills the annotation column picker with the keys present (and the URL's, if absent). */
function drawColumnPicker(): void {
  const keys = [...state.keys];
  const chosen = state.route.column;
  if (chosen !== undefined && !keys.includes(chosen)) keys.unshift(chosen);
  if (changed('columns', keys, chosen)) {
    replace(
      el.column,
      h('option', { attrs: { value: '' } }, keys.length === 0 ? 'no annotations' : 'none'),
      ...keys.map((k) => h('option', { attrs: { value: k } }, k)),
    );
  }
  el.column.value = chosen ?? '';
}

/** Fills the group picker from GetGroups and selects the URL's group. */
function drawGroupPicker(): void {
  const options = groupOptions(state.groups, state.route.group);
  if (changed('groups', options)) {
    replace(
      el.group,
      ...options.map((o) => h('option', { attrs: { value: o.value, title: o.title } }, o.label)),
    );
  }
  el.group.value = state.route.group ?? '';
}

/** Takes the list's answer (or an empty one) and redraws the list, its count and the picker. */
function takeList(list: {
  summaries: TraceSummary[];
  total: number;
  keys: string[];
  newest: string[];
  pinned?: TraceSummary | null;
}): void {
  state.summaries = list.summaries;
  state.total = list.total;
  state.keys = list.keys;
  state.newest = list.newest;
  state.pinned = list.pinned;
  showCount();
  drawColumnPicker();
}

/** The response-time histogram of the listed traces and their requests/faults over the window. */
function drawAnalytics(): void {
  const points = state.points;
  const bins = binValues(
    (points?.ResponseTime ?? []).map((t) => t ?? Number.NaN),
    HISTOGRAM_BINS,
  );
  if (changed('histogram', bins, state.route.filter)) {
    renderHistogram(el.histogram, bins, {
      empty: points !== undefined ? 'No completed traces in this list.' : 'Loading…',
      onRange: (from, to) =>
        navigate({ ...state.route, filter: withResponseTimeRange(state.route.filter, from, to) }),
    });
  }
  const [start, end] = rangeBounds(state.route.range, Date.now() / 1000);
  const starts = points?.StartTime ?? [];
  const buckets = bucketSummaries(
    starts.map((t, i) => ({ StartTime: t, HasFault: points?.Fault[i] === 1 })),
    start,
    end,
    SERIES_BUCKETS,
  );
  if (changed('series', buckets)) renderTimeSeries(el.series, buckets, offsetMinutes);
}

/** The panel of the selected map node or edge, with the last graph's numbers. */
function drawMapPanel(): void {
  const panel = selectedStats(state.graph, state.selected);
  if (!changed('map-panel', panel)) return;
  renderMapPanel(el.mapPanel, panel, {
    onClose: () => {
      state.selected = undefined;
      drawMapPanel();
    },
    onFilter: (expression) => apply(expression),
  });
}

function selectOnMap(selection: MapSelection): void {
  state.selected = selection;
  drawMapPanel();
}

function sortBy(key: SortKey): void {
  const sort = toggleSort(state.route.sort ?? DEFAULT_SORT, key);
  navigate({ ...state.route, sort: isDefaultSort(sort) ? undefined : sort });
}

function loadMore(): void {
  state.shown = nextShown(state.shown, PAGE_ROWS, state.total);
  void poller.refreshNow();
}

function drawTimeline(): void {
  logs.draw(state.rows, state.row);
  if (!changed('timeline', state.trace, state.docs, state.row, [...state.collapsed])) return;
  renderTimeline(el.timeline, state.rows, state.row, selectRow, {
    collapsed: state.collapsed,
    onToggle: (id) => {
      state.collapsed = toggled(state.collapsed, id);
      drawTimeline();
    },
  });
  showDetail();
}

function paused(): boolean {
  return shouldPause({
    manual: state.manual,
    draft: el.filter.value,
    applied: state.route.filter,
  });
}

function showLive(): void {
  const editing = !state.manual && paused();
  el.live.setAttribute('aria-pressed', String(!state.manual));
  el.live.classList.toggle('paused', paused());
  el.live.classList.toggle('offline', state.unreachable);
  el.live.textContent = state.unreachable
    ? 'Offline'
    : state.manual
      ? 'Paused'
      : editing
        ? 'Paused while editing'
        : 'Live';
}

/** Shows a notice above the page (or hides it); an unreachable server gets a Retry button. */
function showNotice(notice: PageNotice | undefined): void {
  el.notice.hidden = notice === undefined;
  if (!changed('notice', notice)) return;
  if (notice === undefined) {
    replace(el.notice);
    return;
  }
  el.notice.dataset.kind = notice.kind;
  const retry =
    notice.kind === 'unreachable'
      ? h('button', { class: 'retry', attrs: { type: 'button' } }, 'Retry')
      : null;
  retry?.addEventListener('click', () => void poller.refreshNow());
  replace(
    el.notice,
    h('span', undefined, notice.text),
    notice.kind === 'unreachable'
      ? h('span', { class: 'muted' }, ` Retrying every ${POLL_MS / 1000} s.`)
      : null,
    retry,
    ...notice.commands.map((c) => h('code', { class: 'mono' }, c)),
  );
}

function showDetail(): void {
  const row = state.rows.find((r) => r.id === state.row);
  if (row === undefined) {
    replace(el.detail, h('p', { class: 'muted' }, 'Select a segment.'));
    return;
  }
  const links = linksOf(row.entity).map((link) => ({
    link,
    href: formatHash({ ...state.route, traceId: link.traceId, segmentId: link.segmentId }),
  }));
  const raw = state.raw === undefined ? undefined : rawDocument(state.raw, row.segment.id);
  renderDetail(el.detail, row, describeEntity(row, state.docs, offsetMinutes), { links, raw });
  appendSegmentLogs(el.detail, logs.linesOf(row.id), offsetMinutes);
}

function showLinkedFrom(id: string): void {
  const links = incoming.get(id)?.links ?? [];
  el.linkedFrom.hidden = links.length === 0;
  if (!changed('linked-from', id, links)) return;
  replace(
    el.linkedFrom,
    links.length === 0 ? null : h('span', { class: 'muted' }, 'Linked from '),
    ...links.map((l) =>
      h(
        'a',
        {
          class: 'mono',
          attrs: {
            href: formatHash({ ...state.route, traceId: l.traceId, segmentId: l.segmentId }),
          },
          data: { traceId: l.traceId },
        },
        `${l.name} · ${l.traceId}`,
      ),
    ),
  );
}

/**
 * Finds traces linking into trace `id` (the producer side of an SQS batch) by reading the
 * documents of traces that started near it (any filter); read again only when those change.
 */
async function findLinkedFrom(id: string): Promise<void> {
  const start = Math.min(...state.docs.map((d) => d.start_time));
  if (!Number.isFinite(start)) return;
  const near = await getTraceList({
    start: start - 60,
    end: start + 900,
    filter: '',
    // Oldest first from a minute before: the traces nearest the start come first.
    sort: 'time.asc',
    limit: 100,
  });
  if (!near.ok) return;
  const candidates = linkCandidates(near.value.TraceSummaries, id, start);
  const key = candidates.join(',');
  if (incoming.get(id)?.candidates !== key) {
    const res = await getTraces(candidates);
    if (!res.ok) return;
    const docs = res.value.flatMap(parseTraceDocuments);
    incoming.set(id, { candidates: key, links: linksInto(id, docs) });
  }
  if (id === state.trace) showLinkedFrom(id);
}

/** The service map: the last graph plus the link edges found in the listed traces. */
function drawMap(): void {
  // Keyed by the IDs the documents were read for, not the documents themselves.
  if (!changed('map', state.graph, state.linksFrom)) return;
  const base = buildServiceMap(state.graph);
  const map = withLinkEdges(base, linkEdges(base.nodes, state.linkDocs));
  renderServiceMap(el.map, layoutServiceMap(map), {
    onNode: (key) => selectOnMap({ kind: 'node', key }),
    onEdge: (from, to) => selectOnMap({ kind: 'edge', from, to }),
  });
  drawMapPanel();
}

/**
 * Reads the newest listed traces (at most `LINK_TRACE_LIMIT`, and as many traces they link to)
 * for span links, and draws them as dashed edges; read again only when those traces change.
 */
async function findLinkEdges(): Promise<void> {
  const ids = state.newest.slice(0, LINK_TRACE_LIMIT);
  const key = ids.join(',');
  if (key !== state.linksFrom) {
    const res = await getTraces(ids);
    if (!res.ok) return;
    const docs = res.value.flatMap(parseTraceDocuments);
    const more = await getTraces(missingLinkTargets(docs, LINK_TRACE_LIMIT));
    if (more.ok) docs.push(...more.value.flatMap(parseTraceDocuments));
    state.linkDocs = docs;
    state.linksFrom = key;
  }
  drawMap();
}

/** Records `next` in the history (a new entry, or replacing the current one). */
function writeUrl(next: UrlState, mode: 'push' | 'replace'): void {
  state.route = next;
  const hash = formatHash(next);
  if (hash === location.hash) return;
  if (mode === 'push') history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

function showNote(): void {
  el.traceNote.hidden = !state.outside;
  el.traceNote.textContent = state.outside
    ? 'Not in the list: outside the filter, group or time range'
    : '';
}

function showNoTrace(): void {
  el.traceId.textContent = '';
  el.traceMeta.textContent = '';
  state.docs = [];
  state.rows = [];
  state.row = undefined;
  const why = state.total === 0 ? 'No trace in this list.' : 'Select a trace.';
  replace(el.timeline, h('p', { class: 'muted' }, why));
  drawn.delete('timeline');
  logs.clear();
  showDetail();
}

function selectRow(id: string): void {
  state.row = id;
  drawTimeline();
  // Replaced, not pushed: back leaves the trace rather than stepping through its segments.
  if (state.trace !== undefined)
    writeUrl({ ...state.route, traceId: state.trace, segmentId: id }, 'replace');
}

async function loadTrace(id: string): Promise<void> {
  const res = await getTrace(id);
  if (id !== state.trace) return;
  el.traceId.textContent = id;
  showNote();
  if (!res.ok || res.value === undefined) {
    const why = res.ok
      ? 'This trace is not assembled yet.'
      : `${res.error.type}: ${res.error.message}`;
    replace(el.timeline, h('p', { class: 'muted' }, why));
    drawn.delete('timeline');
    return;
  }
  state.raw = res.value;
  state.docs = parseTraceDocuments(res.value);
  state.rows = buildTimelineRows(state.docs);
  const wanted = state.route.traceId === id ? state.route.segmentId : undefined;
  if (wanted !== undefined && state.rows.some((r) => r.id === wanted)) state.row = wanted;
  else if (!state.rows.some((r) => r.id === state.row)) state.row = state.rows[0]?.id;
  const scale = timelineScale(state.rows);
  const summary =
    state.summaries.find((t) => t.Id === id) ??
    (state.pinned?.Id === id ? state.pinned : undefined);
  const cause = summary === undefined ? undefined : rootCauseOf(summary);
  el.traceMeta.textContent = [
    `${state.rows.length} (sub)segments`,
    formatDurationMs(scale.seconds),
    cause === undefined ? '' : `${cause.kind} root cause: ${formatRootCause(cause)}`,
  ]
    .filter((p) => p !== '')
    .join(' · ');
  drawTimeline();
  showLinkedFrom(id);
  void findLinkedFrom(id);
  void logs.load(id).then((changedLines) => {
    if (changedLines && id === state.trace) showDetail();
  });
}

/** Shows trace `id` (or none) in the trace pane. */
function showTrace(id: string | undefined): void {
  if (id !== state.trace) {
    state.row = undefined;
    state.raw = undefined;
    state.collapsed = new Set();
    el.linkedFrom.hidden = true;
  }
  state.trace = id;
  drawList();
  if (id === undefined) showNoTrace();
  else void loadTrace(id);
}

/**
 * Trace IDs known to match the query: the newest first, the rows shown, the pinned trace if it
 * matches. The selection asks only "listed?" and "newest?", which the rows alone cannot answer.
 */
function knownTraces(): string[] {
  const ids = [...state.newest, ...state.summaries.flatMap((t) => t.Id ?? [])];
  if (state.pinned?.Id !== undefined) ids.push(state.pinned.Id);
  return ids;
}

/** Applies the list's answer to the trace pane: see lib/trace-selection.ts. */
function settleSelection(): void {
  const known = knownTraces().map((Id) => ({ Id }));
  const choice = chooseTrace({
    pinned: state.route.traceId,
    current: state.trace,
    summaries: known,
    dropUnlisted: state.dropUnlisted,
  });
  state.dropUnlisted = false;
  if (choice.pinned !== state.route.traceId) {
    writeUrl({ ...state.route, traceId: undefined, segmentId: undefined }, 'replace');
  }
  state.outside = choice.outside;
  showNote();
  if (choice.trace !== state.trace) showTrace(choice.trace);
}

/** The list request `route` makes with `shown` rows (the key of what was loaded). */
function listRequest(route: UrlState, start: number, end: number) {
  return {
    start,
    end,
    filter: withGroup(route.filter, route.group).expression,
    sort: formatSort(route.sort ?? DEFAULT_SORT),
    limit: state.shown,
    newest: LINK_TRACE_LIMIT,
    ...(route.traceId === undefined ? {} : { pin: route.traceId }),
  };
}

function showUpdated(): void {
  el.refreshed.textContent = `updated ${formatClock(Date.now() / 1000, offsetMinutes).slice(0, 8)}`;
}

/** Slack on the server clock between two reads of changed points, ms. */
const CHANGED_SLACK_MS = 1000;

/**
 * Reads the analytics columns: for the same query as the last read, only the traces changed since
 * (merged by ID, traces gone from a moving window dropped); everything again when that is the
 * first read or the merged set does not add up to the server's total (evicted, expired or no
 * longer matching traces).
 */
async function loadPoints(route: UrlState, request: ListRequest, start: number): Promise<void> {
  const key = JSON.stringify([request.filter, route.range]);
  const ask = (changedSince?: number) =>
    getTraceList({
      ...request,
      limit: 1,
      newest: 0,
      points: true,
      ...(changedSince === undefined ? {} : { changedSince }),
    });
  const incremental = state.pointsFor === key && state.pointsAt > 0;
  let res = await ask(incremental ? state.pointsAt - CHANGED_SLACK_MS : undefined);
  if (!res.ok || res.value.Points === undefined || !sameQuery(route, state.route)) return;
  let set = incremental
    ? mergePoints(state.pointSet, res.value.Points, start)
    : mergePoints(new Map(), res.value.Points, Number.NEGATIVE_INFINITY);
  if (incremental && set.size !== res.value.Total) {
    res = await ask();
    if (!res.ok || res.value.Points === undefined || !sameQuery(route, state.route)) return;
    set = mergePoints(new Map(), res.value.Points, Number.NEGATIVE_INFINITY);
  }
  state.pointSet = set;
  state.pointsAt = res.value.Now ?? 0;
  state.pointsFor = key;
  state.points = toColumns(set);
  drawAnalytics();
}

async function refresh(): Promise<void> {
  const route = state.route;
  const [start, end] = rangeBounds(route.range, Date.now() / 1000);
  const filter = route.filter;
  const grouped = withGroup(filter, route.group);
  const request = listRequest(route, start, end);
  // Relative windows move: their bounds are left out of the key (leftWindow covers them).
  const listKey = JSON.stringify({ ...request, start: 0, end: 0, range: route.range });
  // A new list is read whatever the counter says: asked for beside it, not after it. The counter
  // is asked first, so a document stored in between makes the next poll reload, never the reverse.
  const storeState = getStoreState();
  // `listed` is false after the query changed: back/forward can return to the list last loaded
  // while the one in between was never taken, and the pane must still settle on this list.
  const certain =
    state.unreachable ||
    !state.listed ||
    state.loaded.list !== listKey ||
    state.points === undefined;
  let listed = certain ? getTraceList(request) : undefined;
  const store = await storeState;
  const version = store.ok ? store.value.version : undefined;
  const wanted = {
    version,
    list: listKey,
    now: Date.now(),
    windowStart: start,
    starts: state.points?.StartTime,
  };
  if (!certain && !needsReload(state.loaded, wanted, FULL_EVERY_MS)) {
    showUpdated();
    return;
  }
  // The list first (the server answers in order): its rows never wait for the map.
  listed ??= getTraceList(request);
  const graphed = getServiceGraph(start, end, route.group);
  const groupList = getGroups();
  const list = await listed;
  const down = isUnreachable(list.ok ? undefined : list.error);
  if (down !== state.unreachable) {
    state.unreachable = down;
    showLive();
  }
  if (down) {
    // Not the filter's fault: the box stays as it is and the list keeps its last rows.
    showNotice(unreachableNotice(location.origin));
    renderFilterError(el.filterError, el.filter, filter, undefined);
    el.mapError.hidden = true;
    return;
  }
  if (!sameQuery(route, state.route)) return;
  state.listed = list.ok;
  if (list.ok) {
    renderFilterError(el.filterError, el.filter, filter, undefined);
    const v = list.value;
    takeList({
      summaries: v.TraceSummaries,
      total: v.Total,
      keys: v.AnnotationKeys,
      newest: v.Newest,
      pinned: v.Pinned,
    });
    settleSelection();
  } else {
    renderFilterError(el.filterError, el.filter, filter, list.error, grouped.offset);
    takeList({ summaries: [], total: 0, keys: [], newest: [] });
    state.points = { StartTime: [], ResponseTime: [], Fault: [] };
    drawAnalytics();
  }
  drawList();
  if (list.ok && list.value.Total === 0) {
    showNotice(
      emptyNotice({
        origin: location.origin,
        host: location.host,
        stored: store.ok ? store.value.stored : undefined,
        filter,
      }),
    );
  } else showNotice(undefined);
  showUpdated();
  const [graph, groups] = await Promise.all([graphed, groupList]);
  if (groups.ok) {
    state.groups = groups.value;
    drawGroupPicker();
  }
  el.mapError.hidden = graph.ok || isUnreachable(graph.error);
  if (graph.ok) {
    state.graph = graph.value;
    drawMap();
  } else el.mapError.textContent = `${graph.error.type}: ${graph.error.message}`;
  if (!list.ok || !graph.ok) return;
  // Recorded before the rest: a refresh asked for meanwhile sees this list as loaded.
  state.loaded = { version: version ?? '', list: listKey, at: Date.now() };
  // Analytics after the list is drawn: the whole set's columns never hold the rows up.
  await loadPoints(route, request, start);
  await findLinkEdges();
  if (state.trace !== undefined) await loadTrace(state.trace);
}

const poller = createPoller({ intervalMs: POLL_MS, tick: refresh, isPaused: paused });

/**
 * Makes the page show `next` (the URL already says it): the filter box and picker follow it, a
 * changed query reloads the list (`byUser`: changed on this page, so a trace the new list lacks
 * is let go), a changed trace or segment is shown at once.
 */
function follow(next: UrlState, byUser: boolean, previous: UrlState): void {
  state.route = next;
  el.filter.value = next.filter;
  showRange(el.window, next.range, offsetMinutes);
  drawGroupPicker();
  showLive();
  if (!sameQuery(previous, next)) {
    state.listed = false;
    state.shown = PAGE_ROWS;
    state.dropUnlisted = byUser;
    state.outside = false;
    if (next.traceId !== undefined && next.traceId !== state.trace) showTrace(next.traceId);
    void poller.refreshNow();
  } else if (
    state.listed &&
    next.traceId !== undefined &&
    next.traceId !== state.trace &&
    !knownTraces().includes(next.traceId)
  ) {
    // A trace off the page (an edited URL, a link): shown now, placed once the server says
    // whether it matches.
    showTrace(next.traceId);
    void poller.refreshNow();
  } else if (state.listed) {
    settleSelection();
  } else if (next.traceId !== undefined && next.traceId !== state.trace) {
    showTrace(next.traceId);
  }
  if (
    JSON.stringify([previous.sort, previous.column]) !== JSON.stringify([next.sort, next.column])
  ) {
    // Order or column changed: the column redraws what we have, an order asks the server.
    drawColumnPicker();
    drawList();
    if (JSON.stringify(previous.sort) !== JSON.stringify(next.sort)) void poller.refreshNow();
  }
  const segment = next.segmentId;
  if (segment !== undefined && next.traceId === state.trace && segment !== state.row) {
    if (state.rows.some((r) => r.id === segment)) {
      state.row = segment;
      drawTimeline();
    }
  }
}

/** A change made on this page: a new history entry, then shown. */
function navigate(next: UrlState): void {
  const previous = state.route;
  writeUrl(next, 'push');
  follow(next, true, previous);
}

function selectTrace(id: string): void {
  navigate({ ...state.route, traceId: id, segmentId: undefined });
}

function apply(expression: string): void {
  // A trace ID in the filter box opens that trace; the box keeps the applied filter.
  const ref = parseTraceIdInput(expression);
  if (ref !== undefined) {
    el.filter.value = state.route.filter;
    navigate({ ...state.route, traceId: ref.traceId, segmentId: ref.segmentId });
    return;
  }
  navigate({ ...state.route, filter: expression.trim() });
}

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply(el.filter.value);
});
el.filter.addEventListener('input', (event) => {
  // A pasted trace ID opens at once; a typed one on Enter.
  if ((event as InputEvent).inputType === 'insertFromPaste' && parseTraceIdInput(el.filter.value))
    apply(el.filter.value);
  else showLive();
});
el.live.addEventListener('click', () => {
  state.manual = !state.manual;
  showLive();
  if (!state.manual) void poller.refreshNow();
});
el.column.addEventListener('change', () => {
  const column = el.column.value === '' ? undefined : el.column.value;
  navigate({ ...state.route, column });
});
el.group.addEventListener('change', () => {
  const group = el.group.value === '' ? undefined : el.group.value;
  navigate({ ...state.route, group });
});
el.window.addEventListener('change', () => {
  if (el.window.value === CUSTOM) {
    // The inputs start at the range shown; the picker shows it until the custom one is applied.
    fillCustom(
      { from: el.rangeFrom, to: el.rangeTo },
      rangeBounds(state.route.range, Date.now() / 1000),
      offsetMinutes,
    );
    el.rangeError.hidden = true;
    el.custom.hidden = false;
    showRange(el.window, state.route.range, offsetMinutes);
    el.rangeFrom.focus();
    return;
  }
  el.custom.hidden = true;
  const range = pickedRange(el.window);
  if (range !== undefined) navigate({ ...state.route, range });
});
el.custom.addEventListener('submit', (event) => {
  event.preventDefault();
  const range = customRange(el.rangeFrom.value, el.rangeTo.value, offsetMinutes);
  el.rangeError.hidden = range !== undefined;
  el.rangeError.textContent = range === undefined ? '“To” must be after “From”.' : '';
  if (range === undefined) return;
  el.custom.hidden = true;
  navigate({ ...state.route, range });
});
el.rangeCancel.addEventListener('click', () => {
  el.custom.hidden = true;
});
// Back/forward (popstate) and an edited URL or followed link (hashchange; both may fire).
const fromUrl = (): void => {
  const next = parseHash(location.hash);
  if (formatHash(next) !== formatHash(state.route)) follow(next, false, state.route);
};
window.addEventListener('popstate', fromUrl);
window.addEventListener('hashchange', fromUrl);

// First load: the URL's state, written back in canonical form (bad parts dropped).
const initial = state.route;
writeUrl(initial, 'replace');
el.filter.value = initial.filter;
showRange(el.window, initial.range, offsetMinutes);
drawGroupPicker();
if (initial.traceId !== undefined) showTrace(initial.traceId);
showLive();
void poller.refreshNow();
