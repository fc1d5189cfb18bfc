import { createContextKey, trace, type Context, type SpanContext } from '@opentelemetry/api';
import {
  formatTraceHeader,
  parseTraceHeader,
  type SampledFlag,
  type TraceHeader,
} from '@otel-xray/core';

/**
 * What an extraction left in the context: the header's raw value, its trace ID in W3C form,
 * `Parent` and `Sampled`. `Lineage` and unknown fields are parsed on demand by
 * {@link incomingTraceHeaderFields} (a plain object: building it is on every extraction's path).
 */
export interface IncomingTraceHeader {
  /** The value as received (already known to parse). */
  readonly raw: string;
  /** `Root` as 32 hex (the OpenTelemetry trace ID), when the header had one. */
  readonly traceId: string | undefined;
  /** `Parent`, lowercased. */
  readonly parent: string | undefined;
  /** `Sampled`; `undefined` when absent. */
  readonly sampled: SampledFlag | undefined;
}

interface IncomingRecord extends IncomingTraceHeader {
  parsed: TraceHeader | undefined;
  tail: string | undefined;
}

/** @internal A new record for the context. */
export function incomingTraceHeader(
  raw: string,
  traceId: string | undefined,
  parent: string | undefined,
  sampled: SampledFlag | undefined,
): IncomingTraceHeader {
  const record: IncomingRecord = {
    raw,
    traceId,
    parent,
    sampled,
    parsed: undefined,
    tail: undefined,
  };
  return record;
}

/**
 * The full parse of an incoming header (`Lineage`, `Self`, unknown fields in order), computed
 * once per extraction (read-only: inject formats it once, at its first use).
 * @example incomingTraceHeaderFields(getIncomingTraceHeader(ctx)!).lineage
 */
export function incomingTraceHeaderFields(incoming: IncomingTraceHeader): TraceHeader {
  const record = incoming as IncomingRecord;
  if (record.parsed === undefined) {
    const result = parseTraceHeader(record.raw);
    record.parsed = result.ok ? result.header : { extra: [] };
  }
  return record.parsed;
}

/**
 * @internal `Lineage=…;key=value…` as inject appends it after `Sampled` (empty when there is none),
 * formatted once per extraction. For a repeated unknown key the first one is kept.
 */
export function incomingTraceHeaderTail(incoming: IncomingTraceHeader): string {
  const record = incoming as IncomingRecord;
  if (record.tail === undefined) {
    const fields = incomingTraceHeaderFields(incoming);
    record.tail = formatTraceHeader({
      lineage: fields.lineage,
      extra: mergeExtra([], fields.extra),
    });
  }
  return record.tail;
}

/** @internal A copy of `base` plus each field of `more` whose key `base` (or an earlier one) lacks. */
export function mergeExtra(
  base: ReadonlyArray<[string, string]>,
  more: ReadonlyArray<[string, string]>,
): Array<[string, string]> {
  const extra = [...base];
  for (const field of more) if (!extra.some(([key]) => key === field[0])) extra.push(field);
  return extra;
}

/**
 * @internal True when `span` is the remote parent extracted with `incoming` and that header left
 * sampling undecided (`Sampled=?` or no `Sampled`).
 */
export function isUndecidedParent(incoming: IncomingTraceHeader, span: SpanContext): boolean {
  return (
    incoming.sampled !== '0' &&
    incoming.sampled !== '1' &&
    span.isRemote === true &&
    span.spanId === incoming.parent &&
    span.traceId === incoming.traceId
  );
}

const INCOMING_TRACE_HEADER = createContextKey('@otel-xray/propagation incoming X-Amzn-Trace-Id');

/** @internal Stores (or, with `undefined`, removes) the incoming header on a context. */
export function setIncomingTraceHeader(ctx: Context, incoming: IncomingTraceHeader | undefined) {
  if (incoming !== undefined) return ctx.setValue(INCOMING_TRACE_HEADER, incoming);
  return ctx.getValue(INCOMING_TRACE_HEADER) === undefined
    ? ctx
    : ctx.deleteValue(INCOMING_TRACE_HEADER);
}

/** @internal Cheap check for inject's fast path. */
export function hasIncomingTraceHeader(ctx: Context): boolean {
  return ctx.getValue(INCOMING_TRACE_HEADER) !== undefined;
}

/**
 * The `X-Amzn-Trace-Id` an X-Ray propagator extracted into this context (or an ancestor of it),
 * when it carried something a span context cannot hold: `Sampled=?` or no `Sampled`, `Lineage`,
 * `Self` or unknown fields. Inject re-emits its `Lineage` and unknown fields from here.
 * @example const sampled = getIncomingTraceHeader(context.active())?.sampled; // '?' → answer with a response header
 */
export function getIncomingTraceHeader(ctx: Context): IncomingTraceHeader | undefined {
  const value = ctx.getValue(INCOMING_TRACE_HEADER) as Partial<IncomingRecord> | undefined;
  return typeof value === 'object' && value !== null && typeof value.raw === 'string'
    ? (value as IncomingTraceHeader)
    : undefined;
}

/**
 * True when `ctx` holds the remote parent of an X-Ray header that left sampling undecided
 * (`Sampled=?` or no `Sampled`). X-Ray's rule: the receiver decides with its own sampling rules.
 * The remote span context then carries trace flags `NONE`, so a sampler must check this first
 * instead of following the parent's flag (`@otel-xray/sampler` does).
 * @example if (isSamplingUndecided(parentContext)) return applyRules(...); // in Sampler.shouldSample
 */
export function isSamplingUndecided(ctx: Context): boolean {
  const incoming = getIncomingTraceHeader(ctx);
  if (incoming === undefined) return false;
  const parentSpan = trace.getSpanContext(ctx);
  return parentSpan !== undefined && isUndecidedParent(incoming, parentSpan);
}
