/// <reference lib="dom" />
// The segment detail pane: overview, http, aws, sql, annotations, metadata, and the cause with
// its stack.
import type { EntityDetail, ExceptionView } from '../lib/segment-detail.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import { h, replace } from './dom.ts';

function exceptionBlock(ex: ExceptionView): HTMLElement {
  const frames = ex.frames.map((f) => h('li', undefined, f));
  return h(
    'div',
    { class: 'exception', data: { exceptionId: ex.id } },
    h('div', undefined, h('span', { class: 'type' }, ex.type), ex.message ? `: ${ex.message}` : ''),
    h(
      'div',
      { class: 'muted' },
      h('span', { class: 'mono' }, ex.id),
      ex.remote ? ' · remote' : '',
      ex.recordedOn === undefined ? '' : ` · recorded on ${ex.recordedOn}`,
    ),
    frames.length > 0 ? h('ol', undefined, ...frames) : null,
    ex.truncated > 0 ? h('div', { class: 'muted' }, `${ex.truncated} more frames`) : null,
  );
}

/** Renders the detail of one row. */
export function renderDetail(host: HTMLElement, row: TimelineRow, detail: EntityDetail): void {
  const pill = h('span', { class: 'pill', vars: { pill: STATUS_COLOURS[row.status] } }, row.status);
  const parts: HTMLElement[] = [
    h('div', { class: 'title-row' }, h('strong', undefined, row.name), pill),
  ];
  for (const section of detail.sections) {
    const pairs = section.fields.flatMap((f) => [
      h('dt', undefined, f.key),
      h('dd', { class: f.mono === true ? 'mono' : '' }, f.value),
    ]);
    parts.push(
      h(
        'section',
        { data: { section: section.title } },
        h('h3', undefined, section.title),
        h('dl', undefined, ...pairs),
      ),
    );
  }
  if (detail.metadata.length > 0) {
    const blocks = detail.metadata.flatMap((m) => [
      h('div', { class: 'mono' }, m.namespace),
      h('pre', undefined, m.json),
    ]);
    parts.push(
      h('section', { data: { section: 'Metadata' } }, h('h3', undefined, 'Metadata'), ...blocks),
    );
  }
  if (detail.exceptions.length > 0 || detail.workingDirectory !== undefined) {
    parts.push(
      h(
        'section',
        { data: { section: 'Cause' } },
        h('h3', undefined, 'Cause'),
        detail.workingDirectory === undefined
          ? null
          : h('div', { class: 'muted mono' }, detail.workingDirectory),
        ...detail.exceptions.map(exceptionBlock),
      ),
    );
  }
  replace(host, ...parts);
}
