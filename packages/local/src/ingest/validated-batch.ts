import { acceptDocument } from './accept-document.ts';
import { documentStart, documentText } from './daemon-datagram.ts';

/**
 * The accepted documents of one batch of daemon datagrams, column by column so that it crosses
 * threads as a handful of arrays (structured clone) rather than one object per document.
 */
export interface ValidatedBatch {
  kind: 'batch';
  /** Accepted documents, exactly as received. */
  raws: string[];
  /** `trace_id` of each accepted document. */
  traceIds: string[];
  /** `id` of each accepted document. */
  ids: string[];
  /** `start_time` of document i at `2i`, `end_time` at `2i + 1` (NaN while in progress). */
  times: Float64Array;
  /** 1 where the document is an independent subsegment. */
  independent: Uint8Array;
  /** Datagrams in the batch. */
  datagrams: number;
  /** Datagrams dropped before validation (no LF, bad header, empty body). */
  datagramsRejected: number;
  /** Documents refused by validation. */
  documentsRejected: number;
  /** Raw bytes of the batch's datagrams: what the receive thread took from the byte budget. */
  bytes: number;
}

/**
 * Splits a batch of daemon datagrams (`data` holds them back to back, datagram i ends at
 * `ends[i]`) and validates each document as {@link acceptDocument} does. Pure; never throws.
 */
export function validateDatagrams(data: Buffer, ends: Uint32Array): ValidatedBatch {
  const count = ends.length;
  const raws: string[] = [];
  const traceIds: string[] = [];
  const ids: string[] = [];
  const times = new Float64Array(2 * count);
  const independent = new Uint8Array(count);
  let datagramsRejected = 0;
  let documentsRejected = 0;
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i] ?? start;
    const at = documentStart(data, start, end);
    const raw = at < 0 ? undefined : documentText(data, at, end);
    start = end;
    if (raw === undefined) {
      datagramsRejected++;
      continue;
    }
    const result = acceptDocument(raw, 0);
    if (!result.ok) {
      documentsRejected++;
      continue;
    }
    const doc = result.document;
    const n = raws.length;
    raws.push(raw);
    traceIds.push(doc.traceId);
    ids.push(doc.id);
    times[2 * n] = doc.startTime;
    times[2 * n + 1] = doc.endTime ?? Number.NaN;
    independent[n] = doc.independent ? 1 : 0;
  }
  const n = raws.length;
  return {
    kind: 'batch',
    raws,
    traceIds,
    ids,
    times: n === count ? times : times.slice(0, 2 * n),
    independent: n === count ? independent : independent.slice(0, n),
    datagrams: count,
    datagramsRejected,
    documentsRejected,
    bytes: data.length,
  };
}
