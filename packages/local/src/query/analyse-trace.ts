import type { StoredTrace } from '../store/stored-trace.ts';
import type { TraceSummaryShape } from './api-types.ts';
import { buildTraceFacts, type FactsWithDetails } from './build-trace-facts.ts';
import { graphSamples, type GraphSamples } from './graph-samples.ts';
import { analyseStructure } from './trace-analysis.ts';
import type { TraceFacts } from './trace-facts.ts';
import { traceSummary } from './trace-summary.ts';

/**
 * Everything the query layer derives from one trace, cached on the trace per revision. Parsed
 * documents are not kept (memory): BatchGetTraces and GetTraceGraph re-assemble on demand.
 */
export interface TraceAnalysis {
  revision: number;
  /** Earliest start and latest end over all segments (epoch seconds). */
  startTime: number;
  endTime: number;
  /** Root segment start (or the earliest start): the summary's `StartTime` and sort key. */
  rootStart: number;
  facts: TraceFacts;
  graph: GraphSamples;
  annotations: FactsWithDetails['annotations'];
  users: FactsWithDetails['users'];
}

/** The `TraceSummary` of an analysis, built on demand (summaries are not cached: memory). */
export function summaryOf(analysis: TraceAnalysis): TraceSummaryShape {
  return traceSummary({ ...analysis, startTime: analysis.rootStart });
}

/**
 * The analysis of a stored trace: computed once per revision and cached on the trace, so queries
 * over many traces only pay for traces that changed. Never throws (a trace that cannot be analysed
 * yields undefined).
 */
export function analyseTrace(trace: StoredTrace): TraceAnalysis | undefined {
  const cached = trace.cache as TraceAnalysis | undefined;
  if (cached !== undefined && cached.revision === trace.revision) return cached;
  try {
    const parts = analyseStructure(trace);
    const details = buildTraceFacts(parts);
    const rootStart = parts.root?.doc.start_time;
    const analysis: TraceAnalysis = {
      revision: trace.revision,
      startTime: parts.startTime,
      endTime: parts.endTime,
      rootStart: typeof rootStart === 'number' ? rootStart : parts.startTime,
      facts: details.facts,
      graph: graphSamples(parts),
      annotations: details.annotations,
      users: details.users,
    };
    trace.cache = analysis;
    return analysis;
  } catch {
    return undefined;
  }
}
