// When a fetched trace counts as "arrived" for waitForTrace (pure).
import type { Trace } from './types.ts';

/** The shape waitForTrace waits for. Every given condition must hold. */
export interface TraceExpectation {
  /** At least this many segments recorded by services (inferred segments not counted). */
  segments?: number;
  /** Services (segment names) that must all be present. */
  services?: readonly string[];
  /** Any further condition on the trace. */
  until?: (trace: Trace) => boolean;
  /**
   * No segment in progress, every parent link resolves, and every traced HTTP call
   * (`http.request.traced`) has its callee's segment. Default true.
   */
  complete?: boolean;
}

/** What `trace` still lacks for `expectation`, one sentence each; empty when it has arrived. */
export function missingFromTrace(trace: Trace, expectation: TraceExpectation): string[] {
  const missing: string[] = [];
  const segments = trace.nodes.filter((n) => n.kind === 'segment' && !n.inferred).length;
  if (expectation.segments !== undefined && segments < expectation.segments) {
    missing.push(`${segments} of ${expectation.segments} segments`);
  }
  const absent = (expectation.services ?? []).filter((s) => !trace.services.includes(s));
  if (absent.length > 0) missing.push(`services ${absent.join(', ')}`);
  if (expectation.complete ?? true) missing.push(...incompleteness(trace));
  if (expectation.until && missing.length === 0 && !expectation.until(trace)) {
    missing.push('the until() condition is false');
  }
  return missing;
}

function incompleteness(trace: Trace): string[] {
  const out: string[] = [];
  const open = trace.nodes.filter((n) => n.inProgress);
  if (open.length > 0)
    out.push(`${open.length} in progress (${open.map((n) => n.name).join(', ')})`);
  if (trace.orphans.length > 0) {
    out.push(`parents of ${trace.orphans.map((n) => n.name).join(', ')}`);
  }
  const waiting = trace.nodes.filter(
    (n) => n.http?.request?.traced === true && !n.children.some((c) => c.kind === 'segment'),
  );
  if (waiting.length > 0)
    out.push(`segments of traced calls ${waiting.map((n) => n.name).join(', ')}`);
  return out;
}

/** The expectation in words, for error messages. */
export function describeExpectation(expectation: TraceExpectation): string {
  const parts: string[] = [];
  if (expectation.segments !== undefined) parts.push(`≥ ${expectation.segments} segments`);
  if (expectation.services?.length) parts.push(`services ${expectation.services.join(', ')}`);
  if (expectation.until) parts.push('until() true');
  if (expectation.complete ?? true) parts.push('complete');
  return parts.length > 0 ? parts.join('; ') : 'any trace';
}
