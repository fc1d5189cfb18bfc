const LF = 0x0a;
const CANONICAL = Buffer.from('{"format":"json","version":1}');
const CANONICAL_LENGTH = CANONICAL.length;

/** Result of {@link parseDatagram}: the document text, or why the datagram was rejected. */
export type DatagramResult = { ok: true; body: string } | { ok: false; reason: string };

/**
 * Splits a daemon-protocol datagram (spec §3.1) into header and document, as the X-Ray daemon
 * does: split on the first LF, the header must be JSON with `format` "json" (any case) and
 * `version` 1, the body must not be empty. The body is not parsed here. Pure; never throws.
 * @example parseDatagram(Buffer.from('{"format":"json","version":1}\n{"name":"a",…}'))
 */
export function parseDatagram(datagram: Buffer): DatagramResult {
  const at = documentStart(datagram, 0, datagram.length);
  if (at < 0) return { ok: false, reason: REASONS[-at] ?? 'invalid header' };
  const body = documentText(datagram, at, datagram.length);
  if (body === undefined) return { ok: false, reason: 'empty document' };
  return { ok: true, body };
}

/** {@link documentStart}: the datagram has no LF. */
export const NO_HEADER = -1;
/** {@link documentStart}: the header line is not `{"format":"json","version":1}` (any spacing/case). */
export const BAD_HEADER = -2;
/** {@link documentStart}: nothing follows the header line. */
export const EMPTY = -3;
const REASONS = ['', 'missing header line', 'invalid header', 'empty document'];

/**
 * Where the document of the datagram held in `bytes[start, end)` begins, or a negative code
 * ({@link NO_HEADER}, {@link BAD_HEADER}, {@link EMPTY}). The canonical header is recognised
 * without allocating; any other header line is parsed as JSON. Pure; never throws.
 */
export function documentStart(bytes: Buffer, start: number, end: number): number {
  const fast = start + CANONICAL_LENGTH;
  if (
    fast + 1 < end &&
    bytes[fast] === LF &&
    bytes.compare(CANONICAL, 0, CANONICAL_LENGTH, start, fast) === 0
  ) {
    return fast + 1;
  }
  const at = bytes.subarray(start, end).indexOf(LF);
  if (at < 0) return NO_HEADER;
  const lf = start + at;
  if (lf + 1 >= end) return EMPTY;
  return validHeader(bytes.toString('utf8', start, lf)) ? lf + 1 : BAD_HEADER;
}

/**
 * The document text of `bytes[start, end)` (UTF-8), or undefined when it is only whitespace
 * (the daemon's "empty document").
 */
export function documentText(bytes: Buffer, start: number, end: number): string | undefined {
  const body = bytes.toString('utf8', start, end);
  const first = body.charCodeAt(0);
  // Every character String#trim removes is ≤ U+0020 or ≥ U+00A0; JSON documents start with '{'.
  if ((first <= 0x20 || first >= 0xa0) && body.trim() === '') return undefined;
  return body;
}

function validHeader(text: string): boolean {
  try {
    const header = JSON.parse(text) as unknown;
    if (typeof header !== 'object' || header === null) return false;
    const { format, version } = header as Record<string, unknown>;
    return typeof format === 'string' && format.toLowerCase() === 'json' && version === 1;
  } catch {
    return false;
  }
}
