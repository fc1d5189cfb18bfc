// A (sub)segment → what the detail pane shows: labelled fields per block, metadata as JSON, and
// the exceptions of its cause with their stacks (spec §4.3–4.7).
import type { Cause, EntityFields, ExceptionDocument, SegmentDocument } from '@otel-xray/core';
import { formatClock, formatDurationMs } from './format.ts';
import type { TimelineRow } from './timeline.ts';

/** One labelled value. `mono`: an ID or other machine text. */
export interface DetailField {
  key: string;
  value: string;
  mono?: boolean;
}

/** A titled group of fields. */
export interface DetailSection {
  title: string;
  fields: DetailField[];
}

/** An exception of the cause, stack frames already formatted. */
export interface ExceptionView {
  id: string;
  type: string;
  message: string;
  remote: boolean;
  frames: string[];
  /** Frames the SDK left out. */
  truncated: number;
  /** Where an exception referenced by ID was recorded. */
  recordedOn?: string;
}

/** Everything the detail pane renders for one row. */
export interface EntityDetail {
  sections: DetailSection[];
  metadata: Array<{ namespace: string; json: string }>;
  exceptions: ExceptionView[];
  workingDirectory?: string;
}

function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return v === null ? 'null' : (JSON.stringify(v) ?? '');
}

/** Flattens nested objects into `a.b.c` keys; arrays of scalars join with `, `. */
export function flattenFields(value: unknown, prefix = ''): DetailField[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object') return [{ key: prefix, value: scalarText(value) }];
  if (Array.isArray(value)) {
    const scalar = value.every((v) => v === null || typeof v !== 'object');
    const text = scalar ? value.map(scalarText).join(', ') : JSON.stringify(value);
    return [{ key: prefix, value: text }];
  }
  return Object.entries(value).flatMap(([k, v]) => flattenFields(v, prefix ? `${prefix}.${k}` : k));
}

function overview(row: TimelineRow, offsetMinutes: number): DetailSection {
  const e = row.entity;
  const s = row.segment;
  const fields: Array<DetailField | undefined> = [
    { key: 'name', value: e.name },
    { key: 'kind', value: row.kind },
    { key: 'service', value: row.service },
    { key: 'id', value: e.id, mono: true },
    e.parent_id === undefined ? undefined : { key: 'parent_id', value: e.parent_id, mono: true },
    { key: 'trace_id', value: s.trace_id, mono: true },
    { key: 'start', value: formatClock(e.start_time, offsetMinutes) },
    {
      key: 'duration',
      value: row.end === undefined ? 'in progress' : formatDurationMs(row.end - row.start),
    },
    { key: 'status', value: row.status },
    row.namespace === undefined ? undefined : { key: 'namespace', value: row.namespace },
    e === s && s.origin !== undefined ? { key: 'origin', value: s.origin } : undefined,
    e === s && s.user !== undefined ? { key: 'user', value: s.user } : undefined,
    e === s && s.resource_arn !== undefined
      ? { key: 'resource_arn', value: s.resource_arn }
      : undefined,
  ];
  return { title: 'Overview', fields: fields.filter((f) => f !== undefined) };
}

function formatFrame(frame: { path?: string; line?: number; label?: string }): string {
  const where = [frame.path, frame.line].filter((p) => p !== undefined).join(':');
  if (frame.label === undefined) return where || '?';
  return where ? `${frame.label} (${where})` : frame.label;
}

function exceptionView(ex: ExceptionDocument, recordedOn?: string): ExceptionView {
  return {
    id: ex.id,
    type: ex.type ?? 'Exception',
    message: ex.message ?? '',
    remote: ex.remote === true,
    frames: (ex.stack ?? []).map(formatFrame),
    truncated: ex.truncated ?? 0,
    ...(recordedOn === undefined ? {} : { recordedOn }),
  };
}

/** Finds an exception by ID anywhere in the trace, with the name of the entity holding it. */
export function findException(
  docs: readonly SegmentDocument[],
  id: string,
): { exception: ExceptionDocument; entity: string } | undefined {
  const search = (
    e: EntityFields,
  ): { exception: ExceptionDocument; entity: string } | undefined => {
    const cause: Cause | undefined = e.cause;
    const hit = typeof cause === 'object' ? cause.exceptions?.find((x) => x.id === id) : undefined;
    if (hit !== undefined) return { exception: hit, entity: e.name };
    for (const sub of e.subsegments ?? []) {
      const found = search(sub);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const doc of docs) {
    const found = search(doc);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Describes one waterfall row for the detail pane. */
export function describeEntity(
  row: TimelineRow,
  docs: readonly SegmentDocument[],
  offsetMinutes = 0,
): EntityDetail {
  const e = row.entity;
  const sections = [overview(row, offsetMinutes)];
  const blocks: Array<[string, unknown]> = [
    ['HTTP', e.http],
    ['AWS', e.aws],
    ['SQL', e.sql],
    ['Annotations', e.annotations],
  ];
  for (const [title, block] of blocks) {
    const fields = flattenFields(block);
    if (fields.length > 0) sections.push({ title, fields });
  }
  const metadata = Object.entries(e.metadata ?? {}).map(([namespace, value]) => ({
    namespace,
    json: JSON.stringify(value, null, 2),
  }));
  const detail: EntityDetail = { sections, metadata, exceptions: [] };
  const cause = e.cause;
  if (typeof cause === 'string') {
    const found = findException(docs, cause);
    detail.exceptions = found === undefined ? [] : [exceptionView(found.exception, found.entity)];
  } else if (cause !== undefined) {
    detail.exceptions = (cause.exceptions ?? []).map((ex) => exceptionView(ex));
    if (cause.working_directory !== undefined) detail.workingDirectory = cause.working_directory;
  }
  return detail;
}
