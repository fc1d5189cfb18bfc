import type { EdgeShape, ServiceShape } from './api-types.ts';
import { forEachSample, type GraphSamples, type Sample } from './graph-samples.ts';
import { StatsAccumulator } from './statistics.ts';
import type { TimeWindow } from './time-range.ts';
import type { NodeId } from './trace-analysis.ts';
import { serviceId } from './trace-summary.ts';

interface NodeAcc {
  id: NodeId;
  names: Set<string>;
  inferred: boolean;
  client: boolean;
  root: boolean;
  stats: StatsAccumulator;
  edges: Map<string, StatsAccumulator>;
}

/**
 * Merges the graph samples of many traces into `GetServiceGraph`/`GetTraceGraph` `Services`
 * (spec §7): one node per name+type+account, edges on the caller with statistics from the caller's
 * side, `ReferenceId`s numbered in order of first appearance. With a window, only samples that
 * overlap it count. Pure.
 */
export function buildServiceGraph(
  traces: Iterable<GraphSamples>,
  window?: TimeWindow,
): ServiceShape[] {
  const nodes = new Map<string, NodeAcc>();
  const keep = (s: Sample): boolean =>
    window === undefined || (s.start < window.end && (s.end ?? s.start) >= window.start);
  for (const graph of traces) {
    for (const n of graph.nodes) {
      let acc = nodes.get(n.key);
      if (acc === undefined) {
        acc = {
          id: n.id,
          names: new Set(),
          inferred: n.inferred,
          client: n.client,
          root: false,
          stats: new StatsAccumulator(),
          edges: new Map(),
        };
        nodes.set(n.key, acc);
      }
      for (const name of n.id.names) acc.names.add(name);
      acc.root ||= n.root;
      const stats = acc.stats;
      forEachSample(n.samples, (s) => keep(s) && stats.add(s));
    }
    for (const e of graph.edges) {
      const from = nodes.get(e.from);
      if (from === undefined) continue;
      const stats = from.edges.get(e.to) ?? new StatsAccumulator();
      from.edges.set(e.to, stats);
      forEachSample(e.samples, (s) => keep(s) && stats.add(s));
    }
  }
  const refs = new Map<string, number>();
  for (const key of nodes.keys()) refs.set(key, refs.size);
  const out: ServiceShape[] = [];
  for (const [key, acc] of nodes) {
    const edges: EdgeShape[] = [];
    for (const [to, stats] of acc.edges) {
      if (stats.total === 0 && !Number.isFinite(stats.start)) continue;
      edges.push({
        ReferenceId: refs.get(to) as number,
        ...stats.times(),
        SummaryStatistics: stats.statistics(),
        ResponseTimeHistogram: stats.histogram(),
        Aliases: [],
      });
    }
    out.push({
      ReferenceId: refs.get(key) as number,
      ...serviceId({ ...acc.id, names: [...acc.names] }),
      Root: acc.root,
      State: acc.client || acc.inferred ? 'unknown' : 'active',
      ...acc.stats.times(),
      Edges: edges,
      SummaryStatistics: acc.stats.statistics(),
      DurationHistogram: acc.stats.histogram(),
      ResponseTimeHistogram: acc.stats.histogram(),
    });
  }
  return out;
}
