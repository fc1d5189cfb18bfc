import type { HistogramShape, StatisticsShape } from './api-types.ts';
import type { EntitySelector } from './filter/index.ts';
import { forEachSample, type GraphSamples, type Sample } from './graph-samples.ts';
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

interface Bucket {
  service: StatsAccumulator;
  edge: StatsAccumulator;
}

/**
 * Buckets samples by sample end time into `period`-second buckets for the nodes and edges the
 * selector picks; without one, every non-client node. Buckets sit on period boundaries counted
 * from the epoch (`Timestamp` is a multiple of `period`), as X-Ray's per-minute statistics do, so
 * two queries with different `StartTime`s agree on their common buckets; the first one may
 * therefore start before `StartTime` (it holds only samples that ended inside the window). Pure.
 */
export function timeSeries(
  graphs: Iterable<GraphSamples>,
  window: TimeWindow,
  period: number,
  selector: EntitySelector | undefined,
): TimeSeriesPoint[] {
  const buckets = new Map<number, Bucket>();
  const add = (s: Sample, kind: keyof Bucket): void => {
    const at = s.end ?? s.start;
    if (at < window.start || at >= window.end) return;
    const t = bucketStart(at, period);
    let b = buckets.get(t);
    if (b === undefined) {
      b = { service: new StatsAccumulator(), edge: new StatsAccumulator() };
      buckets.set(t, b);
    }
    b[kind].add(s);
  };
  for (const g of graphs) {
    const ids = new Map<string, NodeId>(g.nodes.map((n) => [n.key, n.id]));
    for (const n of g.nodes) {
      if (n.client || (selector !== undefined && !selector.selectsService(n.id))) continue;
      forEachSample(n.samples, (s) => add(s, 'service'));
    }
    if (selector === undefined || selector.kind === 'service') continue;
    for (const e of g.edges) {
      const from = ids.get(e.from);
      const to = ids.get(e.to);
      if (from === undefined || to === undefined || !selector.selectsEdge(from, to)) continue;
      forEachSample(e.samples, (s) => add(s, 'edge'));
    }
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([Timestamp, b]) => {
      const point: TimeSeriesPoint = { Timestamp, ResponseTimeHistogram: [] };
      if (b.service.total > 0) point.ServiceSummaryStatistics = b.service.statistics();
      if (b.edge.total > 0) point.EdgeSummaryStatistics = b.edge.statistics();
      point.ResponseTimeHistogram = (b.edge.total > 0 ? b.edge : b.service).histogram();
      return point;
    });
}

/** The start of the epoch-aligned `period`-second bucket holding `at` (epoch seconds). Pure. */
function bucketStart(at: number, period: number): number {
  return Math.floor(at / period) * period;
}
