/// <reference lib="dom" />
// The waterfall: one row per segment, subsegment and inferred segment, bars coloured by status;
// a row with children has a toggle that collapses its subtree.
import { subtreeSizes, visibleRows } from '../lib/collapse.ts';
import { formatDurationMs } from '../lib/format.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import { barPlacement, timelineScale, timeTicks } from '../lib/timeline-scale.ts';
import { h, replace } from './dom.ts';

/** Indentation per nesting level, pixels. */
const INDENT = 14;

/** Subtrees collapsed and what a toggle does. */
export interface Collapsing {
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

function toggle(id: string, size: number | undefined, c: Collapsing): HTMLElement {
  if (size === undefined) return h('span', { class: 'twisty' });
  const open = !c.collapsed.has(id);
  const button = h(
    'button',
    {
      class: 'twisty',
      attrs: {
        type: 'button',
        'aria-expanded': String(open),
        'aria-label': `${open ? 'Collapse' : 'Expand'} ${size} rows`,
        title: `${open ? 'Collapse' : 'Expand'} ${size} rows`,
      },
    },
    open ? '▾' : '▸',
  );
  button.addEventListener('click', (event) => {
    // The toggle is not a row selection.
    event.stopPropagation();
    c.onToggle(id);
  });
  // Enter and Space press the button; the row's own key handler must not take them.
  button.addEventListener('keydown', (event) => event.stopPropagation());
  return button;
}

/** Renders the rows into `host`; `onSelect` gets a clicked row's ID. */
export function renderTimeline(
  host: HTMLElement,
  allRows: readonly TimelineRow[],
  selected: string | undefined,
  onSelect: (id: string) => void,
  collapsing: Collapsing = { collapsed: new Set(), onToggle: () => undefined },
): void {
  const sizes = subtreeSizes(allRows);
  const rows = visibleRows(allRows, collapsing.collapsed);
  if (allRows.length === 0) {
    replace(host, h('p', { class: 'muted' }, 'This trace has no segments yet.'));
    return;
  }
  // The scale spans the whole trace, so collapsing never moves the bars that stay.
  const scale = timelineScale(allRows);
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
      toggle(row.id, sizes.get(row.id), collapsing),
      collapsing.collapsed.has(row.id)
        ? h('span', { class: 'folded muted' }, `+${sizes.get(row.id) ?? 0} `)
        : null,
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
