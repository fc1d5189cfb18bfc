// Shared test helper: ReadableSpan-compatible objects with sensible defaults (STYLE.md §8).
// Other packages import it by relative path: `../../core/test/support/span-factory.ts`.
import type { Attributes, HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';

/** Default ids and times of {@link makeSpan}. */
export const SPAN_DEFAULTS = {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: '53995c3f42cd8ad8',
  parentSpanId: 'def5f36c82bfb98a',
  startTime: [1700000000, 123456789] as HrTime,
  endTime: [1700000001, 500000000] as HrTime,
  resourceAttributes: {
    'service.name': 'orders',
    'telemetry.sdk.name': 'opentelemetry',
    'telemetry.sdk.language': 'nodejs',
    'telemetry.sdk.version': '2.12.0',
  } as Attributes,
};

/** What a test may override; everything else comes from {@link SPAN_DEFAULTS}. */
export interface SpanInit {
  name?: string;
  kind?: SpanKind;
  traceId?: string;
  spanId?: string;
  /** Parent span id; `undefined` (the default) makes a root span. */
  parentSpanId?: string;
  /** Set the parent context's isRemote flag (ignored by translation, §1.1). */
  parentIsRemote?: boolean;
  startTime?: HrTime;
  endTime?: HrTime;
  attributes?: Attributes;
  events?: TimedEvent[];
  links?: Link[];
  status?: SpanStatus;
  /** Replaces the default resource attributes entirely. */
  resourceAttributes?: Attributes;
  /** Added to the default resource attributes. */
  extraResourceAttributes?: Attributes;
}

function duration(start: HrTime, end: HrTime): HrTime {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  return [seconds, nanos];
}

/**
 * Makes a finished `ReadableSpan` (a root INTERNAL span of service `orders` by default).
 * @example makeSpan({ kind: SpanKind.SERVER, attributes: { 'http.method': 'GET' } })
 */
export function makeSpan(init: SpanInit = {}): ReadableSpan {
  const context: SpanContext = {
    traceId: init.traceId ?? SPAN_DEFAULTS.traceId,
    spanId: init.spanId ?? SPAN_DEFAULTS.spanId,
    traceFlags: TraceFlags.SAMPLED,
  };
  const parentSpanContext: SpanContext | undefined =
    init.parentSpanId === undefined
      ? undefined
      : {
          traceId: context.traceId,
          spanId: init.parentSpanId,
          traceFlags: TraceFlags.SAMPLED,
          isRemote: init.parentIsRemote ?? false,
        };
  const startTime = init.startTime ?? SPAN_DEFAULTS.startTime;
  const endTime = init.endTime ?? SPAN_DEFAULTS.endTime;
  const resource = resourceFromAttributes({
    ...(init.resourceAttributes ?? SPAN_DEFAULTS.resourceAttributes),
    ...init.extraResourceAttributes,
  });
  return {
    name: init.name ?? 'test-span',
    kind: init.kind ?? SpanKind.INTERNAL,
    spanContext: () => context,
    parentSpanContext,
    startTime,
    endTime,
    status: init.status ?? { code: SpanStatusCode.UNSET },
    attributes: init.attributes ?? {},
    links: init.links ?? [],
    events: init.events ?? [],
    duration: duration(startTime, endTime),
    ended: true,
    resource,
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** A link to another span (sampled). */
export function makeLink(traceId: string, spanId: string, attributes?: Attributes): Link {
  return { context: { traceId, spanId, traceFlags: TraceFlags.SAMPLED }, attributes };
}

/** An `exception` event as `span.recordException` writes it. */
export function exceptionEvent(
  type: string,
  message: string,
  stacktrace?: string,
  time: HrTime = [1700000000, 500000000],
): TimedEvent {
  const attributes: Attributes = { 'exception.type': type, 'exception.message': message };
  if (stacktrace !== undefined) attributes['exception.stacktrace'] = stacktrace;
  return { name: 'exception', time, attributes };
}
