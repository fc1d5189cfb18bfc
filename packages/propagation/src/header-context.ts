import {
  TraceFlags,
  isSpanContextValid,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';
import { formatTraceHeader, parseTraceHeader, type SampledFlag } from '@otel-xray/core';
import {
  getIncomingTraceHeader,
  hasIncomingTraceHeader,
  isSamplingUndecided,
  setIncomingTraceHeader,
  incomingTraceHeader,
  incomingTraceHeaderFields,
} from './incoming-header.ts';

import { readCanonicalHeader } from './internal/canonical-header.ts';

const CONTEXT_ONLY = { contextOnly: true } as const;

/**
 * Reads an `X-Amzn-Trace-Id` value into `ctx`: a valid `Root` and `Parent` become the remote
 * parent span context (`Sampled=1` → sampled; `0`, `?` or absent → not sampled, the last two
 * marked undecided, see `isSamplingUndecided`); `Lineage`, unknown fields and an undecided flag are
 * kept for inject. An existing trace state is preserved. A malformed value returns `ctx` unchanged.
 * Never throws.
 * @example const parent = extractTraceHeader(ROOT_CONTEXT, message.Attributes?.AWSTraceHeader);
 */
export function extractTraceHeader(ctx: Context, value: unknown): Context {
  if (typeof value === 'string') {
    const canonical = readCanonicalHeader(value);
    if (canonical !== undefined) {
      const traceState = trace.getSpanContext(ctx)?.traceState;
      if (traceState !== undefined) canonical.traceState = traceState;
      return setIncomingTraceHeader(trace.setSpanContext(ctx, canonical), undefined);
    }
  }
  const parsed = parseTraceHeader(value, CONTEXT_ONLY);
  if (!parsed.ok) return ctx;
  const header = parsed.header;
  const traceId =
    header.root === undefined ? undefined : header.root.slice(2, 10) + header.root.slice(11);
  let out = ctx;
  if (traceId !== undefined && header.parent !== undefined) {
    const span: SpanContext = {
      traceId,
      spanId: header.parent,
      traceFlags: header.sampled === '1' ? TraceFlags.SAMPLED : TraceFlags.NONE,
      isRemote: true,
    };
    const traceState = trace.getSpanContext(ctx)?.traceState;
    if (traceState !== undefined) span.traceState = traceState;
    out = trace.setSpanContext(ctx, span);
  }
  const carries = parsed.hasMore === true || (header.sampled !== '0' && header.sampled !== '1');
  if (!carries) return setIncomingTraceHeader(out, undefined);
  const raw = (Array.isArray(value) ? (value[0] as unknown) : value) as string;
  return setIncomingTraceHeader(
    out,
    incomingTraceHeader(raw, traceId, header.parent, header.sampled),
  );
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
  if (span === undefined || !isSpanContextValid(span)) return undefined;
  // IDs are written as the span context holds them: lowercase from every OpenTelemetry ID
  // generator and propagator (ours lowercases on extract), so no copy is made here.
  const t = span.traceId;
  const sampledBit = (span.traceFlags & TraceFlags.SAMPLED) !== 0;
  if (existing === undefined && !hasIncomingTraceHeader(ctx))
    return `Root=1-${t.substring(0, 8)}-${t.substring(8)};Parent=${span.spanId};Sampled=${sampledBit ? '1' : '0'}`;
  const incoming = getIncomingTraceHeader(ctx);
  const root = `1-${t.slice(0, 8)}-${t.slice(8)}`;
  const parent = span.spanId;
  let sampled: SampledFlag | undefined = sampledBit ? '1' : '0';
  if (incoming !== undefined && isSamplingUndecided(ctx)) sampled = incoming.sampled;
  const kept = existing === undefined ? undefined : parseTraceHeader(existing);
  const old = kept?.ok === true ? kept.header : undefined;
  const extra = [...(old?.extra ?? [])];
  const fields = incoming === undefined ? undefined : incomingTraceHeaderFields(incoming);
  for (const field of fields?.extra ?? [])
    if (!extra.some(([key]) => key === field[0])) extra.push(field);
  return formatTraceHeader({
    root,
    parent,
    sampled,
    lineage: old?.lineage ?? fields?.lineage,
    extra,
  });
}
