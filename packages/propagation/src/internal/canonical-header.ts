// Fast path for the one shape nearly every header has — exactly what X-Ray SDKs, AWS services and
// our own inject write: `Root=1-{8}-{24};Parent={16};Sampled={0|1}`, lowercase, 74 characters.
// Anything else (other case, spaces, order, more fields) goes through the full parser, which
// gives the same result for these values (a unit test checks both on the same inputs).
import { TraceFlags, type SpanContext } from '@opentelemetry/api';

const INVALID = -1;

/** INVALID for a non-lowercase-hex character in `s[from..to)`, else 1 if any digit is non-zero, else 0. */
function scan(s: string, from: number, to: number): number {
  let nonZero = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 102) nonZero = 1;
    else if (c >= 49 && c <= 57) nonZero = 1;
    else if (c !== 48) return INVALID;
  }
  return nonZero;
}

/** The remote span context of a canonical header; `undefined` for any other value. */
export function readCanonicalHeader(value: string): SpanContext | undefined {
  if (value.length !== 74 || value.charCodeAt(15) !== 45) return undefined;
  if (!value.startsWith('Root=1-') || !value.startsWith(';Parent=', 40)) return undefined;
  if (!value.startsWith(';Sampled=', 64)) return undefined;
  const flag = value.charCodeAt(73);
  if (flag !== 48 && flag !== 49) return undefined;
  const epoch = scan(value, 7, 15);
  const random = scan(value, 16, 40);
  const span = scan(value, 48, 64);
  if (epoch === INVALID || random === INVALID || span !== 1 || epoch + random === 0)
    return undefined;
  return {
    traceId: value.slice(7, 15) + value.slice(16, 40),
    spanId: value.slice(48, 64),
    traceFlags: flag === 49 ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  };
}
