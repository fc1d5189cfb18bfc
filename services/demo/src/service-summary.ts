// The service map as a table (pure): GetServiceGraph output → one row per node with request
// count, error and fault rates and response-time percentiles from the node's histogram.

/** The parts of a GetServiceGraph node the summary reads. */
export interface GraphNode {
  Name?: string;
  Type?: string;
  SummaryStatistics?: {
    TotalCount?: number;
    ErrorStatistics?: { TotalCount?: number };
    FaultStatistics?: { TotalCount?: number };
  };
  ResponseTimeHistogram?: Array<{ Value?: number; Count?: number }>;
}

/** One row of the summary. */
export interface ServiceRow {
  name: string;
  /** Node type; `service` for instrumented services without an origin. */
  type: string;
  requests: number;
  /** Share flagged error (4xx), 0..1. */
  errorRate: number;
  /** Share flagged fault (5xx / exception), 0..1. */
  faultRate: number;
  /** Seconds; undefined without a histogram. */
  p50?: number;
  p99?: number;
}

/** The `q`-quantile (0..1) of a histogram of `{Value, Count}` entries: the smallest value with cumulative count ≥ q·total. */
export function histogramQuantile(
  histogram: ReadonlyArray<{ Value?: number; Count?: number }>,
  q: number,
): number | undefined {
  const entries = histogram
    .filter((e) => typeof e.Value === 'number' && (e.Count ?? 0) > 0)
    .map((e) => ({ value: e.Value!, count: e.Count! }))
    .sort((a, b) => a.value - b.value);
  const total = entries.reduce((n, e) => n + e.count, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const e of entries) {
    seen += e.count;
    if (seen >= rank) return e.value;
  }
  return entries.at(-1)!.value;
}

/** Rows for every node except the synthetic client, services first, then inferred resources. */
export function summarizeServices(nodes: readonly GraphNode[]): ServiceRow[] {
  const rows = nodes
    .filter((n) => n.Type !== 'client')
    .map((n): ServiceRow => {
      const stats = n.SummaryStatistics ?? {};
      const requests = stats.TotalCount ?? 0;
      const rate = (count: number | undefined): number => (requests ? (count ?? 0) / requests : 0);
      const histogram = n.ResponseTimeHistogram ?? [];
      return {
        name: n.Name ?? '?',
        type: n.Type || 'service',
        requests,
        errorRate: rate(stats.ErrorStatistics?.TotalCount),
        faultRate: rate(stats.FaultStatistics?.TotalCount),
        p50: histogramQuantile(histogram, 0.5),
        p99: histogramQuantile(histogram, 0.99),
      };
    });
  const inferred = (r: ServiceRow): number => (r.type.startsWith('AWS::') ? 1 : 0);
  return rows.sort((a, b) => inferred(a) - inferred(b) || a.name.localeCompare(b.name));
}

/** The rows as an aligned text table. */
export function formatServiceTable(rows: readonly ServiceRow[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const secs = (x: number | undefined): string =>
    x === undefined ? '–' : x < 1 ? `${(x * 1000).toFixed(1)} ms` : `${x.toFixed(2)} s`;
  const table = [
    ['node', 'type', 'requests', 'errors', 'faults', 'p50', 'p99'],
    ...rows.map((r) => [
      r.name,
      r.type,
      String(r.requests),
      pct(r.errorRate),
      pct(r.faultRate),
      secs(r.p50),
      secs(r.p99),
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
