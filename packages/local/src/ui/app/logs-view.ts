/// <reference lib="dom" />
// The trace's log lines under the waterfall: time order, each marked with its service and
// segment (a click selects that segment), a search box that filters within the trace's lines;
// and the "Logs" section of a segment's detail with the segment's own lines.
import { formatClock, formatDateTime } from '../lib/format.ts';
import {
  attributeText,
  levelClass,
  linesOfSegment,
  matchesLogSearch,
  segmentLabel,
  type LogLine,
} from '../lib/log-lines.ts';
import { getTraceLogs } from './api.ts';
import { h, replace } from './dom.ts';

/** A row of the waterfall, as far as the logs need it. */
interface Row {
  id: string;
  name: string;
}

/** The logs pane of the trace view. */
export interface LogsPanel {
  /** Reads trace `id`'s lines and redraws; resolves true when they changed. */
  load(id: string): Promise<boolean>;
  /** Redraws with the waterfall's rows and its selected row (highlighted lines). */
  draw(rows: readonly Row[], selected: string | undefined): void;
  /** Forgets the trace (no trace shown). */
  clear(): void;
  /** The lines of one segment, time ascending. */
  linesOf(segmentId: string): LogLine[];
}

function lineItem(
  line: LogLine,
  rows: readonly Row[],
  offsetMinutes: number,
  props: { selected: boolean; onSelect?: (id: string) => void },
): HTMLElement {
  const segment = segmentLabel(line.segmentId, rows);
  const known = line.segmentId !== undefined && rows.some((r) => r.id === line.segmentId);
  const attrs = attributeText(line.attributes);
  const onSelect = props.onSelect;
  return h(
    'li',
    {
      class: `log-line level-${levelClass(line.level)}${props.selected ? ' in-segment' : ''}`,
      data: {
        service: line.service,
        level: line.level,
        ...(line.segmentId === undefined ? {} : { segmentId: line.segmentId }),
      },
      ...(known && onSelect !== undefined && line.segmentId !== undefined
        ? { onClick: () => onSelect(line.segmentId ?? '') }
        : {}),
    },
    h(
      'span',
      { class: 'log-time mono', attrs: { title: formatDateTime(line.time, offsetMinutes) } },
      formatClock(line.time, offsetMinutes),
    ),
    h('span', { class: 'log-level' }, line.level),
    h('span', { class: 'log-service' }, line.service),
    h(
      'span',
      { class: 'log-segment mono', attrs: { title: line.segmentId ?? 'no segment' } },
      segment === '' ? '–' : segment,
    ),
    h(
      'span',
      { class: 'log-message' },
      h('span', { class: 'log-text' }, line.message),
      attrs === '' ? null : h('span', { class: 'log-attrs mono muted' }, attrs),
    ),
  );
}

/**
 * Builds the pane inside `host`: a head with the count and the search box, then the lines.
 * `onSelect` gets the segment ID of a clicked line (only lines whose segment is in the waterfall).
 */
export function createLogsPanel(
  host: HTMLElement,
  onSelect: (segmentId: string) => void,
  offsetMinutes: number,
): LogsPanel {
  const count = h('h3', { class: 'logs-title' }, 'Logs');
  const search = h('input', {
    class: 'logs-search',
    attrs: {
      type: 'search',
      placeholder: 'Search this trace’s logs',
      'aria-label': 'Search this trace’s logs',
      spellcheck: 'false',
    },
  });
  const note = h('span', { class: 'muted logs-note' });
  const list = h('ol', { class: 'log-lines' });
  replace(host, h('div', { class: 'logs-head' }, count, search, note), list);
  let traceId: string | undefined;
  let lines: LogLine[] = [];
  let truncated = false;
  let failure = '';
  let rows: readonly Row[] = [];
  let selected: string | undefined;
  let drawnKey = '';

  const render = (): void => {
    const query = search.value;
    const key = JSON.stringify([
      traceId,
      lines.length,
      lines.at(-1),
      rows.map((r) => r.id),
      selected,
      query,
      failure,
    ]);
    if (key === drawnKey) return;
    drawnKey = key;
    const shown = lines.filter((l) => matchesLogSearch(l, query));
    count.textContent =
      query.trim() === '' ? `Logs (${lines.length})` : `Logs (${shown.length} of ${lines.length})`;
    note.textContent = failure !== '' ? failure : truncated ? 'first 10,000 lines' : '';
    host.hidden = traceId === undefined;
    if (lines.length === 0) {
      replace(
        list,
        h('li', { class: 'muted log-empty' }, failure === '' ? 'No log lines for this trace.' : ''),
      );
      return;
    }
    if (shown.length === 0) {
      replace(list, h('li', { class: 'muted log-empty' }, 'No line matches.'));
      return;
    }
    replace(
      list,
      ...shown.map((l) =>
        lineItem(l, rows, offsetMinutes, {
          selected: l.segmentId !== undefined && l.segmentId === selected,
          onSelect,
        }),
      ),
    );
  };
  search.addEventListener('input', render);

  return {
    async load(id) {
      if (id !== traceId) {
        traceId = id;
        lines = [];
        truncated = false;
        search.value = '';
      }
      const res = await getTraceLogs(id);
      if (id !== traceId) return false;
      const before = JSON.stringify([lines.length, lines.at(-1)]);
      if (res.ok) {
        lines = res.value.logs ?? [];
        truncated = res.value.truncated === true;
        failure = '';
      } else failure = `${res.error.type}: ${res.error.message}`;
      render();
      return JSON.stringify([lines.length, lines.at(-1)]) !== before;
    },
    draw(nextRows, nextSelected) {
      rows = nextRows;
      selected = nextSelected;
      render();
    },
    clear() {
      traceId = undefined;
      lines = [];
      render();
    },
    linesOf: (segmentId) => linesOfSegment(lines, segmentId),
  };
}

/** Appends the "Logs (N)" section of a segment's own lines to the detail pane `host`. */
export function appendSegmentLogs(
  host: HTMLElement,
  lines: readonly LogLine[],
  offsetMinutes: number,
): void {
  if (lines.length === 0) return;
  host.append(
    h(
      'section',
      { class: 'segment-logs', data: { section: 'Logs' } },
      h('h3', undefined, `Logs (${lines.length})`),
      h(
        'ol',
        { class: 'log-lines compact' },
        ...lines.map((l) => lineItem(l, [], offsetMinutes, { selected: false })),
      ),
    ),
  );
}
