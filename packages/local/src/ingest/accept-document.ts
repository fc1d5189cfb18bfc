import { validateSegmentDocument, MAX_DOCUMENT_BYTES } from '@otel-xray/core';
import type { StoredDocument } from '../store/stored-document.ts';

/** One `UnprocessedTraceSegments` entry: why X-Ray would refuse a document. */
export interface UnprocessedSegment {
  /** The document's `id`, when it could be read. */
  Id?: string;
  /** `InvalidTraceId` or `InvalidSegment`. */
  ErrorCode: string;
  /** What is wrong. */
  Message: string;
}

/** Result of {@link acceptDocument}. */
export type Acceptance =
  { ok: true; document: StoredDocument } | { ok: false; unprocessed: UnprocessedSegment };

const ID_IN_TEXT = /"id"\s*:\s*"([^"]{1,64})"/;

/**
 * Validates one raw segment document as X-Ray does (spec §4.8): the 64 KB limit, JSON, required
 * fields, field types. Pure; never throws. Bad trace IDs give `InvalidTraceId`, everything else
 * `InvalidSegment` with the first problems named.
 * @example acceptDocument('{"name":"a","id":"…","trace_id":"…","start_time":1,"end_time":2}', Date.now())
 */
export function acceptDocument(raw: string, receivedAt: number): Acceptance {
  if (raw.length > MAX_DOCUMENT_BYTES / 4 && Buffer.byteLength(raw, 'utf8') > MAX_DOCUMENT_BYTES) {
    return reject(
      raw,
      undefined,
      'InvalidSegment',
      `Segment document exceeds the ${MAX_DOCUMENT_BYTES} byte limit`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return reject(raw, undefined, 'InvalidSegment', `Invalid JSON: ${(error as Error).message}`);
  }
  const result = validateSegmentDocument(parsed);
  const obj = parsed as Record<string, unknown> | null;
  const id =
    obj !== null && typeof obj === 'object' && typeof obj.id === 'string' ? obj.id : undefined;
  if (!result.ok) {
    const traceIdBad = result.problems.some((p) => p.path === '/trace_id');
    const text = result.problems
      .slice(0, 3)
      .map((p) => `${p.path || 'document'} ${p.message}`)
      .join('; ');
    return reject(raw, id, traceIdBad ? 'InvalidTraceId' : 'InvalidSegment', text);
  }
  const doc = result.document;
  const document: StoredDocument = {
    traceId: doc.trace_id,
    id: doc.id,
    raw,
    independent: result.kind === 'subsegment',
    startTime: doc.start_time,
    receivedAt,
  };
  if (typeof doc.end_time === 'number') document.endTime = doc.end_time;
  return { ok: true, document };
}

function reject(raw: string, id: string | undefined, code: string, message: string): Acceptance {
  const found = id ?? ID_IN_TEXT.exec(raw.slice(0, 4096))?.[1];
  return {
    ok: false,
    unprocessed: {
      ...(found === undefined ? {} : { Id: found }),
      ErrorCode: code,
      Message: message,
    },
  };
}
