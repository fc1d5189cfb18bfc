import { createContextKey, trace, type Context } from '@opentelemetry/api';
import type { TraceHeader } from '@otel-xray/core';

/** What an extraction left in the context: the parsed header and its trace ID in W3C form. */
export interface IncomingTraceHeader {
  /** The parsed `X-Amzn-Trace-Id` value, including `Lineage` and unknown fields. */
  header: TraceHeader;
  /** `header.root` as 32 hex (the OpenTelemetry trace ID), when the header had a Root. */
  traceId?: string;
}

const INCOMING_TRACE_HEADER = createContextKey('@otel-xray/propagation incoming X-Amzn-Trace-Id');

/** @internal Stores (or, with `undefined`, removes) the incoming header on a context. */
export function setIncomingTraceHeader(ctx: Context, incoming: IncomingTraceHeader | undefined) {
  if (incoming !== undefined) return ctx.setValue(INCOMING_TRACE_HEADER, incoming);
  return ctx.getValue(INCOMING_TRACE_HEADER) === undefined
    ? ctx
    : ctx.deleteValue(INCOMING_TRACE_HEADER);
}

/**
 * The `X-Amzn-Trace-Id` an X-Ray propagator extracted into this context (or an ancestor of it),
 * when it carried something a span context cannot hold: `Sampled=?` or no `Sampled`, `Lineage`,
 * or unknown fields. Inject re-emits its `Lineage` and unknown fields from here.
 * @example const sampled = getIncomingTraceHeader(context.active())?.header.sampled; // '?' → answer with a response header
 */
export function getIncomingTraceHeader(ctx: Context): IncomingTraceHeader | undefined {
  return ctx.getValue(INCOMING_TRACE_HEADER) as IncomingTraceHeader | undefined;
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
  const { sampled, parent } = incoming.header;
  if (sampled === '0' || sampled === '1') return false;
  const parentSpan = trace.getSpanContext(ctx);
  return (
    parentSpan !== undefined &&
    parentSpan.isRemote === true &&
    parentSpan.spanId === parent &&
    parentSpan.traceId === incoming.traceId
  );
}
