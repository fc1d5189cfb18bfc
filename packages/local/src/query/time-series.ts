import type { HistogramShape, StatisticsShape } from './api-types.ts';
import type { EntitySelector } from './entity-selector.ts';
import type { GraphSamples, Sample } from './graph-samples.ts';
import { StatsAccumulator } from './statistics.ts';
import type { TimeWindow } from './time-range.ts';
import type { NodeId } from './trace-analysis.ts';

/** One `TimeSeriesServiceStatistics` entry. */
export interface TimeSeriesPoint {
  Timestamp: number;
  ServiceSummaryStatistics?: StatisticsShape;
  EdgeSummaryStatistics?: StatisticsShape;
  ResponseTimeHistogram: HistogramShape;
}

/**
 * Buckets node (or edge) samples by `period` seconds from the window start (by sample end time),
 * for the nodes or edges the selector picks; without one, every non-client node. Pure.
 */
export function timeSeries(
  graphs: Iterable<GraphSamples>,
  window: TimeWindow,
  period: number,
  selector: EntitySelector | undefined,
): TimeSeriesPoint[] {
  const buckets = new Map<number, StatsAccumulator>();
  const add = (s: Sample): void => {
    const at = s.end ?? s.start;
    if (at < window.start || at >= window.end) return;
    const t = window.start + Math.floor((at - window.start) / period) * period;
    const acc = buckets.get(t) ?? new StatsAccumulator();
    buckets.set(t, acc);
    acc.add(s);
  };
  for (const g of graphs) {
    const ids = new Map<string, NodeId>(g.nodes.map((n) => [n.key, n.id]));
    if (selector?.kind === 'edge') {
      for (const e of g.edges) {
        const from = ids.get(e.from);
        const to = ids.get(e.to);
        if (from !== undefined && to !== undefined && selector.matches(from, to))
          e.samples.forEach(add);
      }
      continue;
    }
    for (const n of g.nodes) {
      if (n.client || (selector !== undefined && !selector.matches(n.id))) continue;
      n.samples.forEach(add);
    }
  }
  const key = selector?.kind === 'edge' ? 'EdgeSummaryStatistics' : 'ServiceSummaryStatistics';
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([Timestamp, acc]) => ({
      Timestamp,
      [key]: acc.statistics(),
      ResponseTimeHistogram: acc.histogram(),
    }));
}
