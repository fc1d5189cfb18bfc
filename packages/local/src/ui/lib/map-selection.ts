// What a click on the service map selected, found again in each GetServiceGraph answer: a node by
// its `ReferenceId`, an edge by its ends'. Pure.
import type { HistogramEntry, Service, Stats } from './wire-types.ts';

/** A selected node (`key` = its ReferenceId) or edge (`from` → `to`). */
export type MapSelection =
  { kind: 'node'; key: string } | { kind: 'edge'; from: string; to: string };

/** The selection's numbers and a filter expression for its traces. */
export interface SelectedStats {
  kind: 'node' | 'edge';
  title: string;
  stats: Stats | undefined;
  histogram: HistogramEntry[] | undefined;
  filter: string;
}

const nameOf = (s: Service | undefined): string => s?.Name ?? s?.Names?.[0] ?? '?';
const quoted = (name: string): string => JSON.stringify(name);

/** The selection in `services`, or undefined when the graph no longer has it. */
export function selectedStats(
  services: readonly Service[],
  selection: MapSelection | undefined,
): SelectedStats | undefined {
  if (selection === undefined) return undefined;
  const byKey = (key: string): Service | undefined =>
    services.find((s) => String(s.ReferenceId) === key);
  if (selection.kind === 'node') {
    const node = byKey(selection.key);
    if (node === undefined) return undefined;
    const name = nameOf(node);
    return {
      kind: 'node',
      title: node.Type === 'client' ? 'Client' : name,
      stats: node.SummaryStatistics,
      histogram: node.ResponseTimeHistogram,
      filter: node.Type === 'client' ? '' : `service(${quoted(name)})`,
    };
  }
  const from = byKey(selection.from);
  const to = byKey(selection.to);
  const edge = from?.Edges?.find((e) => String(e.ReferenceId) === selection.to);
  if (from === undefined || to === undefined || edge === undefined) return undefined;
  return {
    kind: 'edge',
    title: `${from.Type === 'client' ? 'Client' : nameOf(from)} → ${nameOf(to)}`,
    stats: edge.SummaryStatistics,
    histogram: edge.ResponseTimeHistogram,
    filter:
      from.Type === 'client'
        ? `service(${quoted(nameOf(to))})`
        : `edge(${quoted(nameOf(from))}, ${quoted(nameOf(to))})`,
  };
}
