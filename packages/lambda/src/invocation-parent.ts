import { ROOT_CONTEXT, TraceFlags, trace, type Context } from '@opentelemetry/api';
import { extractTraceHeader, isSamplingUndecided } from '@otel-xray/propagation';

/**
 * What the invocation's trace header decided.
 * - `sampled`: `Sampled=1`, record under `Parent` (Lambda's function segment with active tracing);
 * - `unsampled`: `Sampled=0`;
 * - `undecided`: `Sampled=?` or none: this function decides;
 * - `absent`: no header (not under Lambda, or a direct local call);
 * - `malformed`: a header without a valid `Root` and `Parent`.
 */
export type HeaderDecision = 'sampled' | 'unsampled' | 'undecided' | 'absent' | 'malformed';

/** The parent context of an invocation span and what the header said. */
export interface InvocationParent {
  /** `ROOT_CONTEXT` with the remote parent (and the header's `Lineage` and unknown fields, kept for downstream calls). */
  context: Context;
  decision: HeaderDecision;
}

/** Reads `_X_AMZN_TRACE_ID` (`Root`, `Parent`, `Sampled`, `Lineage`) into a parent context. Pure; never throws. */
export function invocationParent(header: string | undefined): InvocationParent {
  if (header === undefined || header.trim() === '')
    return { context: ROOT_CONTEXT, decision: 'absent' };
  const context = extractTraceHeader(ROOT_CONTEXT, header);
  const span = trace.getSpanContext(context);
  if (span === undefined) return { context: ROOT_CONTEXT, decision: 'malformed' };
  if (isSamplingUndecided(context)) return { context, decision: 'undecided' };
  const sampled = (span.traceFlags & TraceFlags.SAMPLED) !== 0;
  return { context, decision: sampled ? 'sampled' : 'unsampled' };
}
