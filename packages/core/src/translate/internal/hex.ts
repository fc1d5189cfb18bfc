// Hex id checks without regexes.
import { flat } from './json-text.ts';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** `id` lowercased when it is `length` hex digits and not all zero; otherwise undefined. */
export function hexId(id: unknown, length: number): string | undefined {
  if (typeof id !== 'string' || id.length !== length) return undefined;
  let nonZero = false;
  let lower = true;
  for (let i = 0; i < length; i++) {
    const c = id.charCodeAt(i);
    if (!isHex(c)) return undefined;
    if (c !== 48) nonZero = true;
    if (c >= 65 && c <= 70) lower = false;
  }
  if (!nonZero) return undefined;
  return lower ? id : id.toLowerCase();
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
  lastXRay = flat(`1-${hex.slice(0, 8)}-${hex.slice(8)}`);
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
