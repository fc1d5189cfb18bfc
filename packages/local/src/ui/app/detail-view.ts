/// <reference lib="dom" />
// The segment detail pane: overview, http, aws, sql, annotations, metadata, the cause with its
// stack, the span links (each opens the linked trace) and the raw stored document (copyable).
import type { EntityDetail, ExceptionView } from '../lib/segment-detail.ts';
import { STATUS_COLOURS } from '../lib/status.ts';
import type { TimelineRow } from '../lib/timeline.ts';
import type { LinkView } from '../lib/trace-links.ts';
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

/** What the pane shows besides the {@link EntityDetail}. */
export interface DetailExtras {
  /** The row's span links, each with the URL fragment that opens its target. */
  links: Array<{ link: LinkView; href: string }>;
  /** The stored document of the row's segment, indented. */
  raw: string | undefined;
}

function linksBlock(links: DetailExtras['links']): HTMLElement {
  const items = links.map(({ link, href }) =>
    h(
      'li',
      undefined,
      h('a', { class: 'mono', attrs: { href }, data: { traceId: link.traceId } }, link.traceId),
      h('span', { class: 'muted mono' }, ` / ${link.segmentId}`),
      link.attributes === '' ? null : h('div', { class: 'muted' }, link.attributes),
    ),
  );
  return h(
    'section',
    { data: { section: 'Links' } },
    h('h3', undefined, `Links (${links.length})`),
    h('ul', { class: 'links' }, ...items),
  );
}

/** The raw document with a copy button; the text stays selectable. */
function rawBlock(raw: string): HTMLElement {
  const pre = h('pre', { class: 'raw-json mono' }, raw);
  const copy = h('button', { class: 'copy', attrs: { type: 'button' } }, 'Copy');
  copy.addEventListener('click', () => {
    const done = (ok: boolean): void => {
      copy.textContent = ok ? 'Copied' : 'Select the text and copy it';
    };
    // The Clipboard API needs a secure context; 127.0.0.1 and localhost are one.
    navigator.clipboard.writeText(raw).then(
      () => done(true),
      () => done(false),
    );
  });
  return h(
    'section',
    { data: { section: 'Raw JSON' } },
    h('details', undefined, h('summary', undefined, 'Raw JSON (segment document)'), copy, pre),
  );
}

/** Renders the detail of one row. */
export function renderDetail(
  host: HTMLElement,
  row: TimelineRow,
  detail: EntityDetail,
  extras: DetailExtras = { links: [], raw: undefined },
): void {
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
  if (extras.links.length > 0) parts.push(linksBlock(extras.links));
  if (extras.raw !== undefined) parts.push(rawBlock(extras.raw));
  replace(host, ...parts);
}
