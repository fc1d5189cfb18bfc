import type { StoredDocument } from './stored-document.ts';

/** A row selected with `DOCUMENT_COLUMNS` (data-file-schema.ts). */
export type DocumentRow = Record<string, unknown>;

/**
 * The stored document of a journal row, or undefined when the row is damaged: `raw` is not JSON
 * naming the row's `id` and `trace_id` (the `ok` column), or a column has the wrong type. Pure.
 */
export function documentFromRow(row: DocumentRow): StoredDocument | undefined {
  const { trace_id, id, raw, independent, start_time, end_time, received_at, ok } = row;
  if (ok !== 1 || typeof raw !== 'string' || typeof trace_id !== 'string') return undefined;
  if (typeof id !== 'string' || typeof start_time !== 'number') return undefined;
  if (end_time !== null && typeof end_time !== 'number') return undefined;
  if (typeof received_at !== 'number' || typeof independent !== 'number') return undefined;
  return {
    traceId: trace_id,
    id,
    raw,
    independent: independent === 1,
    startTime: start_time,
    ...(end_time === null ? {} : { endTime: end_time }),
    receivedAt: received_at,
  };
}
