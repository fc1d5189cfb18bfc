import { createContextKey, trace, type Context } from '@opentelemetry/api';
import { parseTraceHeader, type SampledFlag, type TraceHeader } from '@otel-xray/core';

/**
 * What an extraction left in the context: the header's raw value, its trace ID in W3C form,
 * `Parent` and `Sampled`; the full parse (`Lineage`, unknown fields) happens on first use.
 */
export class IncomingTraceHeader {
  // `declare`d fields are assigned in the constructor only: class-field initialisation would make
  // every extraction pay for extra property definitions.
  /** The value as received (already known to parse). */
  declare readonly raw: string;
  /** `Root` as 32 hex (the OpenTelemetry trace ID), when the header had one. */
  declare readonly traceId: string | undefined;
  /** `Parent`, lowercased. */
  declare readonly parent: string | undefined;
  /** `Sampled`; `undefined` when absent. */
  declare readonly sampled: SampledFlag | undefined;
  declare private parsed: TraceHeader | undefined;

  /** @internal Built by the extractors of this package. */
  constructor(raw: string, traceId?: string, parent?: string, sampled?: SampledFlag) {
    this.raw = raw;
    this.traceId = traceId;
    this.parent = parent;
    this.sampled = sampled;
    this.parsed = undefined;
  }

  /** The parsed value, including `Lineage`, `Self` and unknown fields in order. */
  get header(): TraceHeader {
    if (this.parsed === undefined) {
      const result = parseTraceHeader(this.raw);
      this.parsed = result.ok ? result.header : { extra: [] };
    }
    return this.parsed;
  }

  /** True for `Sampled=?` or no `Sampled`: the receiver decides. */
  get undecided(): boolean {
    return this.sampled !== '0' && this.sampled !== '1';
  }
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
  const value = ctx.getValue(INCOMING_TRACE_HEADER);
  return value instanceof IncomingTraceHeader ? value : undefined;
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
  if (incoming === undefined || !incoming.undecided) return false;
  const parentSpan = trace.getSpanContext(ctx);
  return (
    parentSpan !== undefined &&
    parentSpan.isRemote === true &&
    parentSpan.spanId === incoming.parent &&
    parentSpan.traceId === incoming.traceId
  );
}
