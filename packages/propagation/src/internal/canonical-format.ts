// The canonical `Root=…;Parent=…;Sampled=…` for a span context. A service injects several times
// per trace (one outgoing call per client span), so the `Root=1-{8}-{24};Parent=` part of the
// last trace is kept and only the span ID and flag are appended on the next call.
import { isValidSpanId, isValidTraceId } from '@opentelemetry/api';

// Only a valid trace ID is ever remembered, so a hit needs no check.
let lastTraceId: unknown = undefined;
let lastPrefix = '';

/**
 * `Root=1-{8}-{24};Parent={16};Sampled={0|1}` with the IDs written as given, or `undefined`
 * unless `isSpanContextValid` would accept them (32 and 16 hex digits, not all zero).
 */
export function canonicalTraceHeader(
  traceId: string,
  spanId: string,
  sampled: boolean,
): string | undefined {
  if (!isValidSpanId(spanId)) return undefined;
  if (traceId !== lastTraceId) {
    if (!isValidTraceId(traceId)) return undefined;
    lastPrefix = `Root=1-${traceId.substring(0, 8)}-${traceId.substring(8)};Parent=`;
    lastTraceId = traceId;
  }
  return lastPrefix + spanId + (sampled ? ';Sampled=1' : ';Sampled=0');
}
