/// <reference lib="dom" />
// The page's state and wiring: loads the map and the trace list every few seconds (paused while
// the user edits the filter or presses pause), and the selected trace's waterfall and detail.
import type { SegmentDocument } from '@otel-xray/core';
import { formatClock, formatDurationMs, plural } from '../lib/format.ts';
import { layoutServiceMap } from '../lib/map-layout.ts';
import { createPoller, shouldPause } from '../lib/poller.ts';
import { describeEntity } from '../lib/segment-detail.ts';
import { buildServiceMap } from '../lib/service-map-model.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import type { Status } from '../lib/status.ts';
import { buildTimelineRows, parseTraceDocuments } from '../lib/timeline.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import { timelineScale } from '../lib/timeline-scale.ts';
import type { TraceSummary } from '../lib/wire-types.ts';
import { getServiceGraph, getTrace, getTraceSummaries } from './api.ts';
import { renderDetail } from './detail-view.ts';
import { byId, h, replace } from './dom.ts';
import { renderFilterError } from './filter-error-view.ts';
import { renderServiceMap } from './service-map-view.ts';
import { renderTimeline } from './timeline-view.ts';
import { renderTraceList } from './trace-list-view.ts';

const POLL_MS = 3000;
const offsetMinutes = -new Date().getTimezoneOffset();

const el = {
  window: byId<HTMLSelectElement>('window'),
  live: byId<HTMLButtonElement>('live'),
  refreshed: byId('refreshed'),
  legend: byId('legend'),
  map: byId('service-map'),
  mapError: byId('map-error'),
  form: byId<HTMLFormElement>('filter-form'),
  filter: byId<HTMLInputElement>('filter'),
  filterError: byId('filter-error'),
  list: byId<HTMLTableElement>('trace-list'),
  count: byId('trace-count'),
  traceId: byId('trace-id'),
  traceMeta: byId('trace-meta'),
  timeline: byId('timeline'),
  detail: byId('detail'),
};

const state = {
  applied: '',
  manual: false,
  summaries: [] as TraceSummary[],
  trace: undefined as string | undefined,
  row: undefined as string | undefined,
  docs: [] as SegmentDocument[],
  rows: [] as TimelineRow[],
};

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
  if (!changed('list', state.summaries, state.trace)) return;
  renderTraceList(el.list, state.summaries, state.trace, offsetMinutes, selectTrace);
}

function drawTimeline(): void {
  if (!changed('timeline', state.trace, state.docs, state.row)) return;
  renderTimeline(el.timeline, state.rows, state.row, selectRow);
  showDetail();
}

function range(): [number, number] {
  const now = Date.now() / 1000;
  // A minute of slack past now covers clocks of services slightly ahead of this browser.
  return [now - Number(el.window.value) * 60, now + 60];
}

function paused(): boolean {
  return shouldPause({ manual: state.manual, draft: el.filter.value, applied: state.applied });
}

function showLive(): void {
  const editing = !state.manual && paused();
  el.live.setAttribute('aria-pressed', String(!state.manual));
  el.live.classList.toggle('paused', paused());
  el.live.textContent = state.manual ? 'Paused' : editing ? 'Paused while editing' : 'Live';
}

function showDetail(): void {
  const row = state.rows.find((r) => r.id === state.row);
  if (row === undefined) replace(el.detail, h('p', { class: 'muted' }, 'Select a segment.'));
  else renderDetail(el.detail, row, describeEntity(row, state.docs, offsetMinutes));
}

function selectRow(id: string): void {
  state.row = id;
  drawTimeline();
}

async function loadTrace(id: string): Promise<void> {
  const res = await getTrace(id);
  if (id !== state.trace) return;
  el.traceId.textContent = id;
  if (!res.ok || res.value === undefined) {
    const why = res.ok
      ? 'This trace is not assembled yet.'
      : `${res.error.type}: ${res.error.message}`;
    replace(el.timeline, h('p', { class: 'muted' }, why));
    drawn.delete('timeline');
    return;
  }
  state.docs = parseTraceDocuments(res.value);
  state.rows = buildTimelineRows(state.docs);
  if (!state.rows.some((r) => r.id === state.row)) state.row = state.rows[0]?.id;
  const scale = timelineScale(state.rows);
  el.traceMeta.textContent = `${state.rows.length} (sub)segments · ${formatDurationMs(scale.seconds)}`;
  drawTimeline();
}

function selectTrace(id: string): void {
  if (id !== state.trace) state.row = undefined;
  state.trace = id;
  drawList();
  void loadTrace(id);
}

async function refresh(): Promise<void> {
  const [start, end] = range();
  const filter = state.applied;
  const [graph, summaries] = await Promise.all([
    getServiceGraph(start, end),
    getTraceSummaries(start, end, filter),
  ]);
  el.mapError.hidden = graph.ok;
  if (graph.ok && changed('map', graph.value)) {
    renderServiceMap(el.map, layoutServiceMap(buildServiceMap(graph.value)), applyServiceFilter);
  } else if (!graph.ok) el.mapError.textContent = `${graph.error.type}: ${graph.error.message}`;
  if (filter !== state.applied) return;
  if (summaries.ok) {
    renderFilterError(el.filterError, el.filter, filter, undefined);
    state.summaries = summaries.value;
    if (state.trace === undefined && summaries.value[0]?.Id !== undefined)
      state.trace = summaries.value[0].Id;
    el.count.textContent = plural(summaries.value.length, 'trace');
  } else {
    renderFilterError(el.filterError, el.filter, filter, summaries.error);
    state.summaries = [];
    el.count.textContent = '';
  }
  drawList();
  if (state.trace !== undefined) await loadTrace(state.trace);
  el.refreshed.textContent = `updated ${formatClock(Date.now() / 1000, offsetMinutes).slice(0, 8)}`;
}

const poller = createPoller({ intervalMs: POLL_MS, tick: refresh, isPaused: paused });

function apply(expression: string): void {
  el.filter.value = expression;
  state.applied = expression.trim();
  showLive();
  void poller.refreshNow();
}

function applyServiceFilter(name: string): void {
  apply(`service(${JSON.stringify(name)})`);
}

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply(el.filter.value);
});
el.filter.addEventListener('input', showLive);
el.live.addEventListener('click', () => {
  state.manual = !state.manual;
  showLive();
  if (!state.manual) void poller.refreshNow();
});
el.window.addEventListener('change', () => void poller.refreshNow());
showLive();
void poller.refreshNow();
