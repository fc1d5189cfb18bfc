// The service map as text (pure): GetServiceGraph output → one row per node with request count,
// error and fault rates and response-time percentiles from its histogram, and the edges between
// the same rows — the client included, as X-Ray's map shows it.
import { MAX_COLUMNS, wrapLine } from './line-width.ts';

/** Request counts of a node or an edge. */
interface Statistics {
  TotalCount?: number;
  ErrorStatistics?: { TotalCount?: number };
  FaultStatistics?: { TotalCount?: number };
}

type Histogram = Array<{ Value?: number; Count?: number }>;

/** The parts of a GetServiceGraph edge the summary reads. */
export interface GraphEdge {
  /** The node called. */
  ReferenceId?: number;
  SummaryStatistics?: Statistics;
  ResponseTimeHistogram?: Histogram;
}

/** The parts of a GetServiceGraph node the summary reads. */
export interface GraphNode {
  ReferenceId?: number;
  Name?: string;
  /** Every name of the node; the local X-Ray lists an inferred node's resources here. */
  Names?: string[];
  Type?: string;
  SummaryStatistics?: Statistics;
  ResponseTimeHistogram?: Histogram;
  Edges?: GraphEdge[];
}

/** The row and edge-list name of every client node (X-Ray names a client after the service it calls). */
export const CLIENT = 'client';

const isClient = (n: GraphNode): boolean => n.Type === 'client';
const labelOf = (n: GraphNode): string =>
  isClient(n) ? CLIENT : `${nodeLabel(n)}${LAMBDA_SUFFIX[n.Type ?? ''] ?? ''}`;

/** Lambda's two nodes share the function's name (X-Ray tells them by icon): a word tells them here. */
const LAMBDA_SUFFIX: Record<string, string> = {
  'AWS::Lambda': ' (Lambda)',
  'AWS::Lambda::Function': ' (function)',
};

/** Longest resource list shown in a label; longer ones are counted instead. */
const MAX_RESOURCES_LABEL = 40;

/**
 * X-Ray names an inferred node after the call (`SNS`, `SQS`) and merges every topic or queue into
 * it; the resources it stands for (its other `Names`) follow in parentheses:
 * `SQS (demo-…-shipping)`, `SNS (a; b)` (no comma: the edge list separates callees with commas),
 * or `SNS (2 resources)` when they would not fit.
 */
function nodeLabel(n: GraphNode): string {
  const name = n.Name ?? n.Names?.[0] ?? '?';
  const others = (n.Names ?? []).filter((x) => x !== name);
  if (others.length === 0 || !(n.Type ?? '').startsWith('AWS::')) return name;
  const list = others.join('; ');
  return `${name} (${list.length <= MAX_RESOURCES_LABEL ? list : `${others.length} resources`})`;
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

function row(name: string, type: string, stats: Statistics, histogram: Histogram): ServiceRow {
  const requests = stats.TotalCount ?? 0;
  const rate = (count: number | undefined): number => (requests ? (count ?? 0) / requests : 0);
  return {
    name,
    type,
    requests,
    errorRate: rate(stats.ErrorStatistics?.TotalCount),
    faultRate: rate(stats.FaultStatistics?.TotalCount),
    p50: histogramQuantile(histogram, 0.5),
    p99: histogramQuantile(histogram, 0.99),
  };
}

/** The client sends no segments: its numbers are those of its calls (its edges), summed. */
function clientRow(clients: readonly GraphNode[]): ServiceRow {
  const edges = clients.flatMap((c) => c.Edges ?? []);
  const sum = (pick: (s: Statistics) => number | undefined): number =>
    edges.reduce((n, e) => n + (pick(e.SummaryStatistics ?? {}) ?? 0), 0);
  const stats: Statistics = {
    TotalCount: sum((s) => s.TotalCount),
    ErrorStatistics: { TotalCount: sum((s) => s.ErrorStatistics?.TotalCount) },
    FaultStatistics: { TotalCount: sum((s) => s.FaultStatistics?.TotalCount) },
  };
  return row(
    CLIENT,
    'client',
    stats,
    edges.flatMap((e) => e.ResponseTimeHistogram ?? []),
  );
}

/** One row per node — the client (all client nodes in one), services, then inferred resources. */
export function summarizeServices(nodes: readonly GraphNode[]): ServiceRow[] {
  const clients = nodes.filter(isClient);
  const rows = nodes
    .filter((n) => !isClient(n))
    .map((n) =>
      row(
        labelOf(n),
        n.Type || 'service',
        n.SummaryStatistics ?? {},
        n.ResponseTimeHistogram ?? [],
      ),
    );
  const inferred = (r: ServiceRow): number => (r.type.startsWith('AWS::') ? 1 : 0);
  rows.sort((a, b) => inferred(a) - inferred(b) || a.name.localeCompare(b.name));
  return clients.length ? [clientRow(clients), ...rows] : rows;
}

/** Caller → callee by row name, in the rows' order; each pair once. */
export function summarizeEdges(
  nodes: readonly GraphNode[],
  rows: readonly ServiceRow[],
): Array<{ from: string; to: string }> {
  const byRef = new Map(nodes.map((n) => [n.ReferenceId, n]));
  const pairs = new Map<string, { from: string; to: string }>();
  for (const node of nodes) {
    for (const edge of node.Edges ?? []) {
      const to = byRef.get(edge.ReferenceId);
      if (!to) continue;
      const pair = { from: labelOf(node), to: labelOf(to) };
      pairs.set(`${pair.from}\u0000${pair.to}`, pair);
    }
  }
  const order = new Map(rows.map((r, i) => [r.name, i]));
  const rank = (name: string): number => order.get(name) ?? rows.length;
  return [...pairs.values()].sort(
    (a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to) || a.to.localeCompare(b.to),
  );
}

/**
 * One line per caller, `orders  → topic, other-topic`, callers aligned; a long list wraps under
 * its first callee.
 */
export function formatEdgeList(edges: ReadonlyArray<{ from: string; to: string }>): string[] {
  const callees = new Map<string, string[]>();
  for (const { from, to } of edges) callees.set(from, [...(callees.get(from) ?? []), to]);
  const width = Math.max(0, ...[...callees.keys()].map((name) => name.length));
  return [...callees].flatMap(([from, to]) => {
    const head = `${from.padEnd(width)} → `;
    return wrapLine(`${head}${to.join(', ')}`, MAX_COLUMNS - 2, head.length).split('\n');
  });
}

/** The rows as an aligned text table. */
export function formatServiceTable(rows: readonly ServiceRow[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const secs = (x: number | undefined): string =>
    x === undefined
      ? '–'
      : x < 0.01
        ? `${(x * 1000).toFixed(1)} ms`
        : x < 1
          ? `${(x * 1000).toFixed(0)} ms`
          : `${x.toFixed(2)} s`;
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
