/// <reference lib="dom" />
// The waterfall: one row per segment, subsegment and inferred segment, bars coloured by status.
import { formatDurationMs } from '../lib/format.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import { barPlacement, timelineScale, timeTicks } from '../lib/timeline-scale.ts';
import { h, replace } from './dom.ts';

/** Indentation per nesting level, pixels. */
const INDENT = 14;

/** Renders the rows into `host`; `onSelect` gets a clicked row's ID. */
export function renderTimeline(
  host: HTMLElement,
  rows: readonly TimelineRow[],
  selected: string | undefined,
  onSelect: (id: string) => void,
): void {
  if (rows.length === 0) {
    replace(host, h('p', { class: 'muted' }, 'This trace has no segments yet.'));
    return;
  }
  const scale = timelineScale(rows);
  const ticks = timeTicks(scale);
  const grid = (): HTMLElement[] =>
    ticks.map((t) => {
      const line = h('div', { class: 'tl-grid' });
      line.style.left = `${t.pct}%`;
      return line;
    });
  const axis = h(
    'div',
    { class: 'tl-axis' },
    ...ticks.map((t) => {
      const tick = h('span', { class: 'tl-tick muted' }, t.label);
      tick.style.left = `${t.pct}%`;
      return tick;
    }),
  );
  const head = h('div', { class: 'tl-row tl-head' }, h('div', { class: 'tl-name' }, 'Name'), axis);
  const body = rows.map((row) => {
    const { leftPct, widthPct } = barPlacement(row, scale);
    const duration = row.end === undefined ? 'in progress' : formatDurationMs(row.end - row.start);
    const bar = h('div', {
      class: `tl-bar ${row.status}`,
      vars: { bar: STATUS_COLOURS[row.status] },
      attrs: { title: `${row.name}: ${duration}` },
    });
    bar.style.left = `${leftPct}%`;
    bar.style.width = `${widthPct}%`;
    const label = h('span', { class: 'tl-dur' }, duration);
    // Labels go right of the bar, or left of it when the bar reaches the right edge.
    if (leftPct + widthPct > 80) label.style.right = `${100 - leftPct}%`;
    else label.style.left = `${leftPct + widthPct}%`;
    const name = h(
      'div',
      { class: 'tl-name', attrs: { title: `${row.name} (${row.service})` } },
      row.namespace === undefined ? null : h('span', { class: 'ns' }, row.namespace),
      h('span', { class: 'label' }, row.name),
      row.kind === 'subsegment'
        ? null
        : h('span', { class: 'svc' }, row.kind === 'inferred' ? 'inferred' : 'segment'),
    );
    name.style.paddingLeft = `${row.depth * INDENT}px`;
    return h(
      'div',
      {
        class: `tl-row ${row.kind}${row.id === selected ? ' selected' : ''}`,
        data: { id: row.id, kind: row.kind, status: row.status, name: row.name },
        onClick: () => onSelect(row.id),
      },
      name,
      h('div', { class: 'tl-track' }, ...grid(), bar, label),
    );
  });
  replace(host, head, ...body);
}
