// What waitForTrace looks for: one trace ID, or the newest trace matching a filter expression (pure).
import { isTraceId, traceIdFromW3C } from '@otel-xray/core';

/** A trace ID (X-Ray `1-…-…` or 32-hex OTel form), a filter expression, or a filter with a window start. */
export type TraceTarget = string | { filter: string; since?: Date | number };

/** A normalised target. */
export type ResolvedTarget =
  { kind: 'id'; id: string } | { kind: 'filter'; filter: string; since?: number };

/** Recognises trace IDs (lowercased, OTel IDs converted); any other string is a filter expression. */
export function resolveTarget(target: TraceTarget): ResolvedTarget {
  if (typeof target !== 'string') {
    const since = target.since instanceof Date ? target.since.getTime() : target.since;
    return since === undefined
      ? { kind: 'filter', filter: target.filter }
      : { kind: 'filter', filter: target.filter, since };
  }
  const trimmed = target.trim();
  const lower = trimmed.toLowerCase();
  if (isTraceId(lower)) return { kind: 'id', id: lower };
  const converted = traceIdFromW3C(trimmed);
  if (converted !== undefined) return { kind: 'id', id: converted };
  return { kind: 'filter', filter: trimmed };
}

/** The target in words, for messages. */
export function describeTarget(target: ResolvedTarget): string {
  return target.kind === 'id'
    ? `trace ${target.id}`
    : `a trace matching ${JSON.stringify(target.filter)}`;
}
