/// <reference lib="dom" />
// The trace list: the rows of the sorted result set the server sent, sortable headers, an optional
// annotation column, the root cause of each fault or error, and a "load more" row.
import { annotationText } from '../lib/annotation-column.ts';
import { formatClock, formatDateTime, formatDurationMs } from '../lib/format.ts';
import { formatRootCause, rootCauseOf } from '../lib/root-cause.ts';
import { STATUS_COLOURS, summaryStatus } from '../lib/status.ts';
import type { SortKey, SortOrder } from '../lib/trace-sort.ts';
import type { TraceSummary } from '../lib/wire-types.ts';
import { h, replace } from './dom.ts';

/** What the table shows. */
export interface TraceListModel {
  /** The first rows of the sorted result set (as many as are shown). */
  rows: readonly TraceSummary[];
  /** Traces in the whole result set. */
  total: number;
  selected: string | undefined;
  sort: SortOrder;
  /** The annotation key of the extra column, if one is chosen. */
  column: string | undefined;
  offsetMinutes: number;
  /** Show each time with its date (the range spans several days); the tooltip always has it. */
  withDate: boolean;
  /** Rows added by the "load more" button. */
  step: number;
}

/** What the table reports. */
export interface TraceListActions {
  onSelect: (id: string) => void;
  onSort: (key: SortKey) => void;
  onMore: () => void;
}

interface Column {
  title: string;
  sort?: SortKey;
  num?: boolean;
}

function header(model: TraceListModel, actions: TraceListActions): HTMLElement {
  const columns: Column[] = [
    { title: 'Time', sort: 'time' },
    { title: 'Trace ID' },
    { title: 'Entry point' },
    { title: 'Request' },
    { title: 'Status', sort: 'status' },
    { title: 'Root cause' },
    ...(model.column === undefined ? [] : [{ title: `@${model.column}` }]),
    { title: 'Response', sort: 'response', num: true },
    { title: 'Duration', sort: 'duration', num: true },
  ];
  const cells = columns.map((c) => {
    const cls = c.num === true ? 'num' : '';
    if (c.sort === undefined) return h('th', { class: cls }, c.title);
    const key = c.sort;
    const active = model.sort.key === key;
    const dir = model.sort.dir === 'asc' ? 'ascending' : 'descending';
    return h(
      'th',
      {
        class: `${cls} sortable`,
        attrs: { 'aria-sort': active ? dir : 'none' },
        data: { sort: key },
      },
      h(
        'button',
        { class: 'sort', attrs: { type: 'button' }, onClick: () => actions.onSort(key) },
        c.title,
        active ? (model.sort.dir === 'asc' ? ' ▲' : ' ▼') : '',
      ),
    );
  });
  return h('thead', undefined, h('tr', undefined, ...cells));
}

function row(t: TraceSummary, model: TraceListModel, onSelect: (id: string) => void): HTMLElement {
  const id = t.Id ?? '';
  const status = summaryStatus(t);
  const http = t.Http;
  const request = [http?.HttpMethod, http?.HttpURL].filter((p) => p !== undefined).join(' ');
  const entry = t.EntryPoint?.Name ?? t.ServiceIds?.[0]?.Name ?? '';
  const cause = rootCauseOf(t);
  const causeText = cause === undefined ? '' : formatRootCause(cause);
  const downstream = cause !== undefined && !cause.clientImpacting;
  const pill = h(
    'span',
    {
      class: 'pill',
      vars: { pill: STATUS_COLOURS[status] },
      attrs: downstream
        ? { title: `${cause.kind} in ${cause.service}, not returned to the client` }
        : {},
    },
    http?.HttpStatus === undefined ? status : `${http.HttpStatus} ${status}`,
  );
  return h(
    'tr',
    {
      class: id === model.selected ? 'selected' : '',
      data: { traceId: id, status },
      onClick: () => onSelect(id),
    },
    h(
      'td',
      { class: 'time', attrs: { title: formatDateTime(t.StartTime, model.offsetMinutes) } },
      model.withDate
        ? formatDateTime(t.StartTime, model.offsetMinutes)
        : formatClock(t.StartTime, model.offsetMinutes),
    ),
    h('td', { class: 'mono' }, id),
    h('td', undefined, entry),
    h('td', { class: 'url', attrs: { title: request } }, request),
    h('td', undefined, pill),
    h('td', { class: 'cause', attrs: { title: causeText } }, causeText),
    model.column === undefined
      ? null
      : h('td', { class: 'annotation' }, annotationText(t, model.column)),
    h('td', { class: 'num' }, formatDurationMs(t.ResponseTime)),
    h('td', { class: 'num' }, formatDurationMs(t.Duration)),
  );
}

/** Renders the table. */
export function renderTraceList(
  table: HTMLTableElement,
  model: TraceListModel,
  actions: TraceListActions,
): void {
  const head = header(model, actions);
  const width = String(model.column === undefined ? 8 : 9);
  if (model.rows.length === 0) {
    const empty = h('td', { attrs: { colspan: width }, class: 'empty' }, 'No matching traces.');
    replace(table, head, h('tbody', undefined, h('tr', undefined, empty)));
    return;
  }
  const rows = model.rows.map((t) => row(t, model, actions.onSelect));
  const left = model.total - model.rows.length;
  const more =
    left <= 0
      ? null
      : h(
          'tfoot',
          undefined,
          h(
            'tr',
            undefined,
            h(
              'td',
              { attrs: { colspan: width }, class: 'more' },
              h(
                'button',
                { attrs: { type: 'button', id: 'load-more' }, onClick: actions.onMore },
                `Load ${Math.min(model.step, left)} more (${left.toLocaleString('en-US')} not shown)`,
              ),
            ),
          ),
        );
  replace(table, head, h('tbody', undefined, ...rows), more);
}
