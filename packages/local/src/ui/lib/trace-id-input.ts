// Recognises a trace ID typed or pasted into the filter box, so it opens that trace instead of
// being parsed as a filter expression (`1-6b15…` reads as a number followed by garbage).

/** The trace (and, when the text names one, the segment) the text refers to. */
export interface TraceRef {
  traceId: string;
  segmentId?: string;
}

const XRAY = /^1-([0-9a-f]{8})-([0-9a-f]{24})$/;
const W3C = /^([0-9a-f]{8})([0-9a-f]{24})$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const HEADER = /^root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;.*)?$/;
const PARENT = /;parent=([0-9a-f]{16})(?:;|$)/;

function fromW3c(hex: string): string | undefined {
  const m = W3C.exec(hex);
  return m === null ? undefined : `1-${m[1]}-${m[2]}`;
}

/**
 * Reads an X-Ray trace ID (`1-6b15d63a-9e2e7227e85fa33bc171c53b`), a W3C trace ID (32 hex
 * digits: the first 8 are X-Ray's epoch part), a `traceparent` (`00-<trace>-<span>-01`, the span
 * becomes the segment) or an `X-Amzn-Trace-Id` value (`Root=…;Parent=…`). Surrounding space and
 * quotes are ignored, upper case is accepted; anything else gives `undefined`.
 * @example parseTraceIdInput(' "4bf92f3577b34da6a3ce929d0e0e4736" ')
 *   // { traceId: '1-4bf92f35-77b34da6a3ce929d0e0e4736' }
 */
export function parseTraceIdInput(text: string): TraceRef | undefined {
  const s = text
    .trim()
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .trim()
    .toLowerCase();
  if (XRAY.test(s)) return { traceId: s };
  const w3c = fromW3c(s);
  if (w3c !== undefined) return { traceId: w3c };
  const parent = TRACEPARENT.exec(s);
  if (parent !== null) {
    const traceId = fromW3c(parent[1] ?? '');
    return traceId === undefined ? undefined : { traceId, segmentId: parent[2] ?? '' };
  }
  const header = HEADER.exec(s.replace(/\s+/g, ''));
  if (header?.[1] !== undefined) {
    const segmentId = PARENT.exec(s.replace(/\s+/g, ''))?.[1];
    return segmentId === undefined ? { traceId: header[1] } : { traceId: header[1], segmentId };
  }
  return undefined;
}
