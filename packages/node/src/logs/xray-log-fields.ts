import { context, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { LOG_FIELDS } from './log-field-names.ts';
import type { LogCorrelationMode } from './log-correlation-mode.ts';
import { logCorrelationMode } from './log-correlation-state.ts';

/** The correlation fields of one log record (see {@link LOG_FIELDS}); empty outside any span. */
export type XRayLogFields = Partial<Record<(typeof LOG_FIELDS)[keyof typeof LOG_FIELDS], string>>;

const INVALID_TRACE_ID = '00000000000000000000000000000000';

// One-entry cache: a request logs many lines from the same span, and the X-Ray form is the only
// string built per span.
let lastTraceId = '';
let lastSpanId = '';
let lastXRay = '';

/** True for a trace ID and span ID a log line can carry (a malformed context is skipped, never thrown on). */
export function usable(traceId: unknown, spanId: unknown): boolean {
  return (
    typeof traceId === 'string' &&
    traceId.length === 32 &&
    traceId !== INVALID_TRACE_ID &&
    typeof spanId === 'string' &&
    spanId.length === 16
  );
}

/** `1-<8 hex>-<24 hex>@<span id>`: the X-Ray trace ID and segment ID, as the X-Ray SDKs log them. */
export function xrayTraceIdWithSegment(traceId: string, spanId: string): string {
  if (traceId !== lastTraceId || spanId !== lastSpanId) {
    lastXRay = `1-${traceId.slice(0, 8)}-${traceId.slice(8)}@${spanId}`;
    lastTraceId = traceId;
    lastSpanId = spanId;
  }
  return lastXRay;
}

/** The fields for `spanContext` in `mode` — a new object each time (loggers may mutate it). */
export function logFieldsFor(spanContext: SpanContext, mode: LogCorrelationMode): XRayLogFields {
  const { traceId, spanId, traceFlags } = spanContext;
  if (mode === 'off' || !usable(traceId, spanId)) return {};
  const fields: XRayLogFields = {};
  if (mode !== 'w3c') fields[LOG_FIELDS.xrayTraceId] = xrayTraceIdWithSegment(traceId, spanId);
  if (mode !== 'xray') {
    fields[LOG_FIELDS.traceId] = traceId;
    fields[LOG_FIELDS.spanId] = spanId;
    fields[LOG_FIELDS.traceFlags] = traceFlags & TraceFlags.SAMPLED ? '01' : '00';
  }
  return fields;
}

/**
 * The active span's correlation fields: `AWS-XRAY-TRACE-ID` (`1-…@<segment id>`) and the W3C
 * `trace_id`, `span_id`, `trace_flags` (see `OTEL_XRAY_LOG_CORRELATION`); `{}` when no span is
 * active or correlation is off. Shaped as a pino `mixin`; also usable with any JSON logger.
 * @example
 * import pino from 'pino';
 * import { xrayLogFields } from '@otel-xray/node';
 * const logger = pino({ mixin: xrayLogFields });
 */
export function xrayLogFields(): XRayLogFields {
  const span = trace.getSpan(context.active());
  if (span === undefined) return {};
  return logFieldsFor(span.spanContext(), logCorrelationMode());
}
