// Hand-rolled ID checks: one pass over the characters, no regex, no intermediate strings.
// They sit on the hot path of every extracted trace header.

/** Refusal codes of {@link canonicalTraceId} and {@link canonicalSegmentId}. */
export const BAD_FORMAT = 1;
export const ALL_ZERO = 2;

const INVALID = 1;
const UPPER = 2;
const NON_ZERO = 4;

/** Bit flags over `s[from..to)`: INVALID (a non-hex char), UPPER (A-F seen), NON_ZERO. */
function scanHex(s: string, from: number, to: number): number {
  let flags = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (c !== 48) flags |= NON_ZERO;
    } else if (c >= 97 && c <= 102) flags |= NON_ZERO;
    else if (c >= 65 && c <= 70) flags |= NON_ZERO | UPPER;
    else return INVALID;
  }
  return flags;
}

/** `1-{8 hex}-{24 hex}` lowercased, or BAD_FORMAT / ALL_ZERO. */
export function canonicalTraceId(s: string): string | typeof BAD_FORMAT | typeof ALL_ZERO {
  if (s.length !== 35 || s.charCodeAt(0) !== 49 || s.charCodeAt(1) !== 45) return BAD_FORMAT;
  if (s.charCodeAt(10) !== 45) return BAD_FORMAT;
  const flags = scanHex(s, 2, 10) | scanHex(s, 11, 35);
  if (flags & INVALID) return BAD_FORMAT;
  if (!(flags & NON_ZERO)) return ALL_ZERO;
  return flags & UPPER ? s.toLowerCase() : s;
}

/** 16 hex lowercased, or BAD_FORMAT / ALL_ZERO. */
export function canonicalSegmentId(s: string): string | typeof BAD_FORMAT | typeof ALL_ZERO {
  if (s.length !== 16) return BAD_FORMAT;
  const flags = scanHex(s, 0, 16);
  if (flags & INVALID) return BAD_FORMAT;
  if (!(flags & NON_ZERO)) return ALL_ZERO;
  return flags & UPPER ? s.toLowerCase() : s;
}
