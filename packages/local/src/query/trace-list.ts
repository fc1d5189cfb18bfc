// The local console's trace list (not an X-Ray API): one pass over the window's matching traces
// gives the total, the page shown (sorted as asked), the annotation keys present and, when asked,
// compact columns for the analytics — so the page never reads 100 pages of GetTraceSummaries to
// show 100 rows. Pure: traces, analysis and filter come in.
import { summaryOf, type TraceAnalysis } from './analyse-trace.ts';
import type { TraceSummaryShape } from './api-types.ts';
import type { SummarySource, TraceMatcher } from './find-summaries.ts';
import { inWindow, type TimeWindow } from './time-range.ts';
import type { TraceFacts } from './trace-facts.ts';

/** A sortable column of the list. */
export type ListSortKey = 'time' | 'duration' | 'response' | 'status';

/** A list request, validated. */
export interface TraceListQuery {
  window: TimeWindow;
  matcher?: TraceMatcher;
  sort: { key: ListSortKey; dir: 'asc' | 'desc' };
  /** Rows skipped before the page. */
  offset: number;
  /** Rows in the page. */
  limit: number;
  /** A trace whose summary is wanted whether or not it is on the page (the one shown). */
  pin?: string;
  /** How many of the newest matching trace IDs to return (for the map's link edges). */
  newest: number;
  /** Return the analytics columns of every matching trace. */
  points: boolean;
  /** With `points`: only traces a document reached after this (epoch ms); live refresh merges them. */
  changedSince?: number;
}

/** Per matching trace, in one order: what the histogram and the time series need. */
export interface TracePoints {
  /** Trace ID. */
  Id: string[];
  /** Root segment start, epoch seconds. */
  StartTime: number[];
  /** Root response time in seconds; null while in progress. */
  ResponseTime: Array<number | null>;
  /** 1 when the trace has a fault anywhere (root or a fault root cause). */
  Fault: number[];
}

/** The list's answer. */
export interface TraceListPage {
  /** Matching traces in the window. */
  Total: number;
  /** Rows `offset … offset + limit` of the sorted set. */
  TraceSummaries: TraceSummaryShape[];
  /** Every annotation key recorded in the matching traces, sorted. */
  AnnotationKeys: string[];
  /** The newest matching trace IDs, newest first. */
  Newest: string[];
  /** The pinned trace's summary when it matches; null when it does not. */
  Pinned?: TraceSummaryShape | null;
  Points?: TracePoints;
}

/** Higher is worse, as in the UI's status sort. */
function statusRank(f: TraceFacts): number {
  if (f.fault || f.rootCauses.fault.length > 0) return 4;
  if (f.throttle) return 3;
  if (f.error || f.rootCauses.error.length > 0) return 2;
  return f.partial ? 1 : 0;
}

function sortValue(a: TraceAnalysis, key: ListSortKey): number {
  switch (key) {
    case 'time':
      return a.rootStart;
    case 'duration':
      return a.facts.duration ?? 0;
    case 'response':
      return a.facts.responsetime ?? -1;
    case 'status':
      return statusRank(a.facts);
  }
}

interface Match {
  id: string;
  /** When a document last reached the trace, epoch ms. */
  updated: number;
  start: number;
  value: number;
  analysis: TraceAnalysis;
}

/** Newest first, then by trace ID descending: GetTraceSummaries' own order for ties. */
const byTime = (a: Match, b: Match): number =>
  b.start - a.start || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const summary = (m: Match): TraceSummaryShape => ({
  ...summaryOf(m.analysis),
  MatchedEventTime: m.start,
});

/**
 * Lists the traces of a window (trace ID time, as GetTraceSummaries' default `TraceId` range)
 * that match the filter.
 */
export function listTraces(source: SummarySource, q: TraceListQuery): TraceListPage {
  const matched: Match[] = [];
  for (const trace of source.traces) {
    if (!inWindow(trace, q.window, 'TraceId')) continue;
    const analysis = source.analyse(trace);
    if (analysis === undefined) continue;
    if (q.matcher !== undefined && !q.matcher(analysis.facts)) continue;
    matched.push({
      id: trace.id,
      updated: trace.updatedAt,
      start: analysis.rootStart,
      value: sortValue(analysis, q.sort.key),
      analysis,
    });
  }
  matched.sort(byTime);
  const newest = matched.slice(0, q.newest).map((m) => m.id);
  const sign = q.sort.dir === 'asc' ? 1 : -1;
  // Stable sort: ties keep the newest-first order.
  const sorted =
    q.sort.key === 'time' && q.sort.dir === 'desc'
      ? matched
      : [...matched].sort((a, b) => sign * (a.value - b.value));
  const keys = new Set<string>();
  for (const m of matched) for (const k of m.analysis.annotations.keys()) keys.add(k);
  const page: TraceListPage = {
    Total: matched.length,
    TraceSummaries: sorted.slice(q.offset, q.offset + q.limit).map(summary),
    AnnotationKeys: [...keys].sort(),
    Newest: newest,
  };
  if (q.pin !== undefined) {
    const pin = q.pin.toLowerCase();
    const hit = matched.find((m) => m.id === pin);
    page.Pinned = hit === undefined ? null : summary(hit);
  }
  if (q.points) {
    const since = q.changedSince;
    const rows = since === undefined ? matched : matched.filter((m) => m.updated > since);
    page.Points = {
      Id: rows.map((m) => m.id),
      StartTime: rows.map((m) => m.start),
      ResponseTime: rows.map((m) => m.analysis.facts.responsetime ?? null),
      Fault: rows.map((m) => (statusRank(m.analysis.facts) === 4 ? 1 : 0)),
    };
  }
  return page;
}
