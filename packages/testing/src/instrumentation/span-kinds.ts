// Whether a service's recorded segments show that each instrumentation applied (pure).
import type { Trace, TraceNode } from '../trace/types.ts';

/**
 * Evidence that one instrumentation patched its module: `http.server` (the service's segment has
 * an `http.request`), `http.client` (a `remote` subsegment with an `http.request`), `aws.sdk` (an
 * `aws` subsegment), or a RegExp matched against the names of the service's subsegments.
 */
export type InstrumentedSpan = 'http.server' | 'http.client' | 'aws.sdk' | RegExp;

/** The entries of `spans` that no node of `service` in `traces` shows. */
export function missingSpans(
  traces: readonly Trace[],
  service: string,
  spans: readonly InstrumentedSpan[],
): InstrumentedSpan[] {
  const nodes = traces.flatMap((t) => t.nodes).filter((n) => n.service === service && !n.inferred);
  return spans.filter((span) => !nodes.some((node) => shows(node, span)));
}

/** A span kind as text, for messages. */
export function spanName(span: InstrumentedSpan): string {
  return typeof span === 'string' ? span : `a subsegment named ${String(span)}`;
}

function shows(node: TraceNode, span: InstrumentedSpan): boolean {
  const sub = node.kind === 'subsegment';
  if (span === 'http.server') return !sub && node.http?.request !== undefined;
  if (span === 'http.client') return sub && node.namespace === 'remote' && !!node.http?.request;
  if (span === 'aws.sdk') return sub && node.namespace === 'aws';
  return sub && span.test(node.name);
}
