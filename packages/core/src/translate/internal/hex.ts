// Hex id checks without regexes.

// Per ASCII code: 1 for 0-9 and a-f, 2 for A-F, 0 for anything else.
const HEX = new Uint8Array(128);
for (let c = 48; c <= 57; c++) HEX[c] = 1;
for (let c = 97; c <= 102; c++) HEX[c] = 1;
for (let c = 65; c <= 70; c++) HEX[c] = 2;

/** `id` lowercased when it is `length` hex digits and not all zero; otherwise undefined. */
export function hexId(id: unknown, length: number): string | undefined {
  if (typeof id !== 'string' || id.length !== length) return undefined;
  let kinds = 0;
  let nonZero = false;
  for (let i = 0; i < length; i++) {
    const c = id.charCodeAt(i);
    const kind = c < 128 ? (HEX[c] as number) : 0;
    if (kind === 0) return undefined;
    kinds |= kind;
    if (c !== 48) nonZero = true;
  }
  if (!nonZero) return undefined;
  return kinds === 1 ? id : id.toLowerCase();
}

let lastW3C = '';
let lastXRay = '';

/** `1-{first 8}-{last 24}` from a 32-hex W3C trace id, or undefined when invalid or all zero. */
export function xrayTraceId(traceId: unknown): string | undefined {
  // Spans of one trace arrive together: remember the last conversion.
  if (traceId === lastW3C) return lastXRay;
  const hex = hexId(traceId, 32);
  if (hex === undefined) return undefined;
  lastW3C = traceId as string;
  // Short joins are copied: this is two pieces, "1-xxxxxxxx-" and the rest.
  lastXRay = `1-${hex.slice(0, 8)}-${hex.slice(8)}`;
  return lastXRay;
}

let lastParentRaw = '';
let lastParent = '';

/** `hexId(id, 16)` for a parent span id: siblings arrive together, so remember the last valid one. */
export function parentHexId(id: string): string | undefined {
  if (id === lastParentRaw) return lastParent;
  const hex = hexId(id, 16);
  if (hex !== undefined) {
    lastParentRaw = id;
    lastParent = hex;
  }
  return hex;
}
