import type { StoredTrace } from '../store/stored-trace.ts';
import { assembleTrace } from './assemble-trace.ts';

/** Largest trace document X-Ray returns whole (spec §10); beyond it `LimitExceeded` is true. */
export const MAX_TRACE_BYTES = 500 * 1024;

/** A `Trace` of BatchGetTraces (spec §5.3). */
export interface TraceShape {
  Id: string;
  Duration: number;
  LimitExceeded: boolean;
  Segments: Array<{ Id: string; Document: string }>;
}

/**
 * A stored trace as BatchGetTraces returns it: one entry per segment (unchanged documents keep
 * their raw text byte for byte; independent subsegments are merged into their parent), inferred
 * segments, and orphan subsegments whose parent never arrived.
 */
export function traceDocuments(trace: StoredTrace): TraceShape {
  const assembled = assembleTrace(trace);
  const Segments = assembled.segments.map((s) => ({
    Id: s.id,
    Document: s.raw ?? JSON.stringify(s.doc),
  }));
  for (const orphan of assembled.orphans) {
    Segments.push({ Id: String(orphan.id), Document: JSON.stringify(orphan) });
  }
  const bytes = Segments.reduce((n, s) => n + s.Document.length, 0);
  return {
    Id: trace.id,
    Duration: Math.max(0, Math.round((trace.endTime - trace.startTime) * 1e6) / 1e6),
    LimitExceeded: bytes > MAX_TRACE_BYTES,
    Segments,
  };
}
