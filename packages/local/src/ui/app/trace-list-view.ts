/// <reference lib="dom" />
// The trace list: one row per summary, newest first as the API returns them.
import { formatClock, formatDurationMs } from '../lib/format.ts';
import { STATUS_COLOURS, summaryStatus } from '../lib/status.ts';
import type { TraceSummary } from '../lib/wire-types.ts';
import { h, replace } from './dom.ts';

const HEAD = ['Time', 'Trace ID', 'Entry point', 'Request', 'Status', 'Response', 'Duration'];

/** Renders the table; `onSelect` gets a clicked row's trace ID. */
export function renderTraceList(
  table: HTMLTableElement,
  summaries: readonly TraceSummary[],
  selected: string | undefined,
  offsetMinutes: number,
  onSelect: (id: string) => void,
): void {
  const head = h(
    'thead',
    undefined,
    h('tr', undefined, ...HEAD.map((t, i) => h('th', { class: i >= 5 ? 'num' : '' }, t))),
  );
  if (summaries.length === 0) {
    const empty = h(
      'td',
      { attrs: { colspan: String(HEAD.length) }, class: 'empty' },
      'No matching traces.',
    );
    replace(table, head, h('tbody', undefined, h('tr', undefined, empty)));
    return;
  }
  const rows = summaries.map((t) => {
    const id = t.Id ?? '';
    const status = summaryStatus(t);
    const http = t.Http;
    const request = [http?.HttpMethod, http?.HttpURL].filter((p) => p !== undefined).join(' ');
    const entry = t.EntryPoint?.Name ?? t.ServiceIds?.[0]?.Name ?? '';
    const pill = h(
      'span',
      { class: 'pill', vars: { pill: STATUS_COLOURS[status] } },
      http?.HttpStatus === undefined ? status : `${http.HttpStatus} ${status}`,
    );
    return h(
      'tr',
      {
        class: id === selected ? 'selected' : '',
        data: { traceId: id, status },
        onClick: () => onSelect(id),
      },
      h('td', undefined, formatClock(t.StartTime, offsetMinutes)),
      h('td', { class: 'mono' }, id),
      h('td', undefined, entry),
      h('td', { class: 'url', attrs: { title: request } }, request),
      h('td', undefined, pill),
      h('td', { class: 'num' }, formatDurationMs(t.ResponseTime)),
      h('td', { class: 'num' }, formatDurationMs(t.Duration)),
    );
  });
  replace(table, head, h('tbody', undefined, ...rows));
}
