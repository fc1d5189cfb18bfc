import { createHash } from 'node:crypto';
import type { StoredTrace } from '../store/stored-trace.ts';
import { invalidRequest } from '../errors.ts';
import { summaryOf, type TraceAnalysis } from './analyse-trace.ts';
import type { FilterNode } from './filter/index.ts';
import type { TraceSummaryShape } from './api-types.ts';
import { inWindow, type TimeRangeType, type TimeWindow } from './time-range.ts';
import type { TraceFacts } from './trace-facts.ts';

/** Decides whether a trace matches a compiled filter expression; carries its syntax tree for planning. */
export interface TraceMatcher {
  (facts: TraceFacts): boolean;
  /** The expression's syntax tree (query planning uses it to pick indexed candidates). */
  ast?: FilterNode;
}

/** Where summaries come from: traces to scan and their (cached) analysis. */
export interface SummarySource {
  traces: Iterable<StoredTrace>;
  analyse: (trace: StoredTrace) => TraceAnalysis | undefined;
}

/** A `GetTraceSummaries` request, validated. */
export interface SummaryQuery {
  window: TimeWindow;
  timeRangeType: TimeRangeType;
  matcher?: TraceMatcher;
  /** Keep roughly this fraction of matching traces (`Sampling` + `FixedRate`). */
  sampleRate?: number;
  nextToken?: string;
  /** Summaries per page. Default 100. */
  pageSize?: number;
}

/** A `GetTraceSummaries` response. */
export interface SummaryPage {
  TraceSummaries: TraceSummaryShape[];
  ApproximateTime: number;
  TracesProcessedCount: number;
  NextToken?: string;
}

interface Cursor {
  t: number;
  i: string;
}

/**
 * Answers GetTraceSummaries (spec §5.5): traces in the window, filtered, newest first, paged by a
 * seek token (the last summary's start time and ID), so concurrent ingest never repeats or skips a
 * trace. The last page omits `NextToken`.
 */
export function findSummaries(source: SummarySource, q: SummaryQuery): SummaryPage {
  const cursor = q.nextToken === undefined ? undefined : decodeToken(q.nextToken);
  const pageSize = q.pageSize ?? 100;
  let processed = 0;
  const matched: Array<{ t: number; id: string; analysis: TraceAnalysis }> = [];
  for (const trace of source.traces) {
    if (!inWindow(trace, q.window, q.timeRangeType)) continue;
    processed++;
    const analysis = source.analyse(trace);
    if (analysis === undefined) continue;
    const t = analysis.rootStart;
    if (cursor !== undefined && !(t < cursor.t || (t === cursor.t && trace.id < cursor.i)))
      continue;
    if (q.sampleRate !== undefined && q.sampleRate < 1 && bucket(trace.id) >= q.sampleRate)
      continue;
    if (q.matcher !== undefined && !q.matcher(analysis.facts)) continue;
    matched.push({ t, id: trace.id, analysis });
  }
  matched.sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1));
  const page = matched.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    TraceSummaries: page.map(({ t, analysis }) => ({
      ...summaryOf(analysis),
      MatchedEventTime: t,
    })),
    ApproximateTime: page[0]?.t ?? q.window.end,
    TracesProcessedCount: processed,
    ...(matched.length > pageSize && last !== undefined
      ? { NextToken: encodeToken({ t: last.t, i: last.id }) }
      : {}),
  };
}

function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeToken(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof c.t === 'number' && typeof c.i === 'string') return { t: c.t, i: c.i };
  } catch {
    // fall through
  }
  throw invalidRequest('Invalid NextToken');
}

function bucket(traceId: string): number {
  return createHash('md5').update(traceId).digest().readUInt32BE(0) / 0x1_0000_0000;
}
