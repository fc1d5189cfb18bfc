import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';
import { TRACE_HEADER_NAME } from '@otel-xray/core';
import { extractTraceHeader, traceHeaderForContext } from './header-context.ts';

/**
 * OpenTelemetry `TextMapPropagator` for the `X-Amzn-Trace-Id` HTTP header. Extract accepts what
 * the X-Ray SDKs accept (any field order and key case, whitespace, `Sampled=?` or no `Sampled`)
 * and keeps `Lineage` and unknown fields, which inject writes back; a malformed header leaves the
 * context unchanged. Never throws.
 * @example
 * import { propagation } from '@opentelemetry/api';
 * propagation.setGlobalPropagator(new XRayPropagator());
 */
export class XRayPropagator implements TextMapPropagator {
  /** Writes `x-amzn-trace-id` for the span context in `ctx`; nothing when it has none. */
  inject(ctx: Context, carrier: unknown, setter: TextMapSetter): void {
    const value = traceHeaderForContext(ctx);
    if (value !== undefined) setter.set(carrier, TRACE_HEADER_NAME, value);
  }

  /** Reads `x-amzn-trace-id` (any name case; the first element of an array) into `ctx`. */
  extract(ctx: Context, carrier: unknown, getter: TextMapGetter): Context {
    const value = readTraceHeader(carrier, getter);
    return value === undefined ? ctx : extractTraceHeader(ctx, value);
  }

  /** `['x-amzn-trace-id']`. */
  fields(): string[] {
    return [TRACE_HEADER_NAME];
  }
}

/** The carrier's trace header value: the lowercase key first, then any spelling of it. */
export function readTraceHeader(carrier: unknown, getter: TextMapGetter): unknown {
  if (carrier === null || carrier === undefined) return undefined;
  try {
    const value = getter.get(carrier, TRACE_HEADER_NAME);
    if (value !== undefined) return value;
    for (const key of getter.keys(carrier))
      if (key.length === TRACE_HEADER_NAME.length && key.toLowerCase() === TRACE_HEADER_NAME)
        return getter.get(carrier, key);
  } catch {
    // A getter that throws is the carrier's problem; the context stays unchanged.
  }
  return undefined;
}
