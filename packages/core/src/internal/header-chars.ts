// Character classes of the X-Amzn-Trace-Id codec.

// RFC 9110 token characters for keys; visible ASCII and space for values, so a re-emitted field
// can never make an HTTP client throw on an invalid header value.
export const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;
export const FIELD_VALUE = /^[\x20-\x7e]*$/;

/** True when `s` at `start` spells `lower` in any case (`lower` is lowercase ASCII letters). */
export function sameKey(s: string, start: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++)
    if ((s.charCodeAt(start + i) | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
