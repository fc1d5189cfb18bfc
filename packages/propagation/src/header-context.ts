import {
  ROOT_CONTEXT,
  TraceFlags,
  trace,
  type Context,
  type SpanContext,
  type TraceState,
} from '@opentelemetry/api';
import { formatTraceHeader, parseTraceHeader, type SampledFlag } from '@otel-xray/core';
import {
  getIncomingTraceHeader,
  hasIncomingTraceHeader,
  incomingTraceHeader,
  incomingTraceHeaderFields,
  incomingTraceHeaderTail,
  isUndecidedParent,
  mergeExtra,
  setIncomingTraceHeader,
} from './incoming-header.ts';
import { readCanonicalHeader } from './internal/canonical-header.ts';
import { canonicalTraceHeader } from './internal/canonical-format.ts';
import { scanTraceContext, type TraceContextFields } from './internal/context-scan.ts';

// Extract is synchronous and never re-entered, so one scratch record serves every call.
const scanned: TraceContextFields = {
  traceId: undefined,
  parent: undefined,
  sampled: undefined,
  more: false,
};

/**
 * Reads an `X-Amzn-Trace-Id` value into `ctx`: a valid `Root` and `Parent` become the remote
 * parent span context (`Sampled=1` → sampled; `0`, `?` or absent → not sampled, the last two
 * marked undecided, see `isSamplingUndecided`); `Lineage`, unknown fields and an undecided flag are
 * kept for inject. An existing trace state is preserved. A malformed value returns `ctx` unchanged.
 * Never throws.
 * @example const parent = extractTraceHeader(ROOT_CONTEXT, message.Attributes?.AWSTraceHeader);
 */
export function extractTraceHeader(ctx: Context, value: unknown): Context {
  const raw = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof raw !== 'string') return ctx;
  const canonical = readCanonicalHeader(raw);
  if (canonical !== undefined) {
    const traceState = traceStateOf(ctx);
    if (traceState !== undefined) canonical.traceState = traceState;
    return setIncomingTraceHeader(trace.setSpanContext(ctx, canonical), undefined);
  }
  if (!scanTraceContext(raw, scanned)) return ctx;
  const { traceId, parent, sampled } = scanned;
  let out = ctx;
  if (traceId !== undefined && parent !== undefined) {
    const span: SpanContext = {
      traceId,
      spanId: parent,
      traceFlags: sampled === '1' ? TraceFlags.SAMPLED : TraceFlags.NONE,
      isRemote: true,
    };
    const traceState = traceStateOf(ctx);
    if (traceState !== undefined) span.traceState = traceState;
    out = trace.setSpanContext(ctx, span);
  }
  const carries = scanned.more || (sampled !== '0' && sampled !== '1');
  return setIncomingTraceHeader(
    out,
    carries ? incomingTraceHeader(raw, traceId, parent, sampled) : undefined,
  );
}

/** The trace state of the span in `ctx` (HTTP instrumentations extract into the root context). */
function traceStateOf(ctx: Context): TraceState | undefined {
  return ctx === ROOT_CONTEXT ? undefined : trace.getSpanContext(ctx)?.traceState;
}

/**
 * The `X-Amzn-Trace-Id` value for the span context in `ctx`, or `undefined` when it has no valid
 * one. `Root`/`Parent`/`Sampled` come from the span context; `Lineage` and unknown fields from the
 * extracted header in `ctx` and from `existing` (a value already on the outgoing request, which
 * wins: its fields are never clobbered). A remote parent whose sampling was undecided is forwarded
 * undecided.
 * @example request.headers['X-Amzn-Trace-Id'] = traceHeaderForContext(context.active(), request.headers['X-Amzn-Trace-Id']);
 */
export function traceHeaderForContext(ctx: Context, existing?: string): string | undefined {
  const span = trace.getSpanContext(ctx);
  if (span === undefined) return undefined;
  // IDs are written as the span context holds them: lowercase from every OpenTelemetry ID
  // generator and propagator (ours lowercases on extract), so no copy is made here.
  const sampledBit = (span.traceFlags & TraceFlags.SAMPLED) !== 0;
  const canonical = canonicalTraceHeader(span.traceId, span.spanId, sampledBit);
  if (canonical === undefined || (existing === undefined && !hasIncomingTraceHeader(ctx)))
    return canonical;
  return withFields(ctx, span, canonical, existing);
}

/**
 * The canonical header plus `Lineage` and unknown fields from the extracted header in `ctx` and
 * from `existing`, with an undecided flag forwarded.
 */
function withFields(
  ctx: Context,
  span: SpanContext,
  canonical: string,
  existing: string | undefined,
): string {
  const incoming = getIncomingTraceHeader(ctx);
  let sampled: SampledFlag | undefined = (span.traceFlags & TraceFlags.SAMPLED) !== 0 ? '1' : '0';
  if (incoming !== undefined && isUndecidedParent(incoming, span)) sampled = incoming.sampled;
  // The canonical header with its flag replaced by an undecided one, or `;Sampled=x` cut for none.
  const head =
    sampled === undefined ? canonical.slice(0, -10) : `${canonical.slice(0, -1)}${sampled}`;
  let tail: string;
  if (existing === undefined)
    tail = incoming === undefined ? '' : incomingTraceHeaderTail(incoming);
  else {
    const kept = parseTraceHeader(existing);
    const old = kept.ok ? kept.header : undefined;
    const fields = incoming === undefined ? undefined : incomingTraceHeaderFields(incoming);
    tail = formatTraceHeader({
      lineage: old?.lineage ?? fields?.lineage,
      extra: mergeExtra(old?.extra ?? [], fields?.extra ?? []),
    });
  }
  return tail === '' ? head : `${head};${tail}`;
}
