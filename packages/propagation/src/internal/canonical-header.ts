// Fast path for the one shape nearly every header has — exactly what X-Ray SDKs, AWS services and
// our own inject write: `Root=1-{8}-{24};Parent={16};Sampled={0|1}`, lowercase, 74 characters.
// Anything else (other case, spaces, order, more fields) goes through the scanner
// (context-scan.ts), which gives the same result for these values (unit tests check both against
// the full parser on the same inputs).
import { TraceFlags, type SpanContext } from '@opentelemetry/api';
import { NON_ZERO, NOT_HEX, UPPER, scanHex } from './hex-scan.ts';

/** Lowercase hex only (uppercase goes to the scanner, which lowercases). */
const REFUSED = NOT_HEX | UPPER;

/** The remote span context of a canonical header; `undefined` for any other value. */
export function readCanonicalHeader(value: string): SpanContext | undefined {
  if (value.length !== 74 || value.charCodeAt(15) !== 45) return undefined;
  if (!value.startsWith('Root=1-') || !value.startsWith(';Parent=', 40)) return undefined;
  if (!value.startsWith(';Sampled=', 64)) return undefined;
  const flag = value.charCodeAt(73);
  if (flag !== 48 && flag !== 49) return undefined;
  const traceFlags = scanHex(value, 7, 15) | scanHex(value, 16, 40);
  const spanFlags = scanHex(value, 48, 64);
  if ((traceFlags & REFUSED) !== 0 || (traceFlags & NON_ZERO) === 0) return undefined;
  if ((spanFlags & REFUSED) !== 0 || (spanFlags & NON_ZERO) === 0) return undefined;
  return {
    traceId: value.slice(7, 15) + value.slice(16, 40),
    spanId: value.slice(48, 64),
    traceFlags: flag === 49 ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  };
}
