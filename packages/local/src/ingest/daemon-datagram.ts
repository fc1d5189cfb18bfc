const LF = 0x0a;
const CANONICAL = Buffer.from('{"format":"json","version":1}');

/** Result of {@link parseDatagram}: the document text, or why the datagram was rejected. */
export type DatagramResult = { ok: true; body: string } | { ok: false; reason: string };

/**
 * Splits a daemon-protocol datagram (spec §3.1) into header and document, as the X-Ray daemon
 * does: split on the first LF, the header must be JSON with `format` "json" (any case) and
 * `version` 1, the body must not be empty. The body is not parsed here. Pure; never throws.
 * @example parseDatagram(Buffer.from('{"format":"json","version":1}\n{"name":"a",…}'))
 */
export function parseDatagram(datagram: Buffer): DatagramResult {
  const lf = datagram.indexOf(LF);
  if (lf < 0) return { ok: false, reason: 'missing header line' };
  if (lf + 1 >= datagram.length) return { ok: false, reason: 'empty document' };
  const fast = lf === CANONICAL.length && datagram.compare(CANONICAL, 0, lf, 0, lf) === 0;
  if (!fast && !validHeader(datagram.toString('utf8', 0, lf))) {
    return { ok: false, reason: 'invalid header' };
  }
  const body = datagram.toString('utf8', lf + 1);
  if (body.trim() === '') return { ok: false, reason: 'empty document' };
  return { ok: true, body };
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
