/// <reference lib="dom" />
// The panel a map node or edge opens: requests, error/throttle/fault rates, mean and
// p50/p90/p99 response times (GetServiceGraph's numbers) and its response-time histogram.
import { formatDurationMs, groupThousands } from '../lib/format.ts';
import { binEntries } from '../lib/histogram.ts';
import { formatRate, panelNumbers } from '../lib/percentiles.ts';
import type { HistogramEntry, Stats } from '../lib/wire-types.ts';
import { h, replace } from './dom.ts';
import { renderHistogram } from './histogram-view.ts';

/** What the panel shows. */
export interface MapPanel {
  /** `node` or `edge`. */
  kind: string;
  title: string;
  stats: Stats | undefined;
  histogram: HistogramEntry[] | undefined;
  /** A filter expression for this node's or edge's traces. */
  filter: string;
}

/** Renders `panel` into `host` (hidden when undefined). */
export function renderMapPanel(
  host: HTMLElement,
  panel: MapPanel | undefined,
  actions: { onClose: () => void; onFilter: (expression: string) => void },
): void {
  host.hidden = panel === undefined;
  if (panel === undefined) {
    replace(host);
    return;
  }
  const n = panelNumbers(panel.stats, panel.histogram);
  const close = h(
    'button',
    { class: 'close', attrs: { type: 'button', 'aria-label': 'Close' } },
    '×',
  );
  close.addEventListener('click', actions.onClose);
  const filter = h(
    'button',
    { attrs: { type: 'button' }, class: 'filter-traces' },
    'Filter traces',
  );
  filter.addEventListener('click', () => actions.onFilter(panel.filter));
  const row = (name: string, key: string, value: string): HTMLElement[] => [
    h('dt', undefined, name),
    h('dd', { data: { stat: key } }, value),
  ];
  const chart = h('div', { class: 'panel-hist' });
  const bins = binEntries(
    (panel.histogram ?? []).map((e) => ({ value: e.Value ?? Number.NaN, count: e.Count ?? 0 })),
    30,
  );
  renderHistogram(chart, bins, { empty: 'No completed requests.' });
  host.dataset.kind = panel.kind;
  replace(
    host,
    h('div', { class: 'panel-head' }, h('h3', undefined, panel.title), filter, close),
    h(
      'dl',
      { class: 'stats' },
      ...row('Requests', 'requests', groupThousands(n.requests)),
      ...row('OK', 'ok', formatRate(n.okRate)),
      ...row('Errors (4xx)', 'error', formatRate(n.errorRate)),
      ...row('Throttled (429)', 'throttle', formatRate(n.throttleRate)),
      ...row('Faults (5xx)', 'fault', formatRate(n.faultRate)),
      ...row('Mean', 'mean', formatDurationMs(n.mean)),
      ...row('p50', 'p50', formatDurationMs(n.p50)),
      ...row('p90', 'p90', formatDurationMs(n.p90)),
      ...row('p99', 'p99', formatDurationMs(n.p99)),
    ),
    h('p', { class: 'muted' }, 'Response-time distribution'),
    chart,
  );
}
