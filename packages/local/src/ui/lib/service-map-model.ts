// GetServiceGraph `Services` → the service map's nodes and edges (spec §7), ready for layout.
import { formatDurationMs, shortResourceName } from './format.ts';
import { countsOf, countsStatus } from './status.ts';
import type { Counts, Status } from './status.ts';
import type { Service, Stats } from './wire-types.ts';

/** `client`: the synthetic caller; `inferred`: a downstream resource that sends no segments. */
export type NodeKind = 'client' | 'service' | 'inferred';

/** One node of the map. */
export interface MapNode {
  /** `ReferenceId` as a string (layout keys are strings). */
  key: string;
  name: string;
  /** Short label for long ARNs and URLs; an inferred node's resources follow its name. */
  label: string;
  /**
   * The node's other `Names`: for an inferred node, the resources it stands for (X-Ray draws one
   * `SQS` node for every queue a service calls; these tell them apart).
   */
  resources: string[];
  type: string;
  kind: NodeKind;
  root: boolean;
  counts: Counts;
  status: Status;
  /** Mean response time in seconds, undefined without completed requests. */
  meanSeconds: number | undefined;
}

/** One caller → callee edge. */
export interface MapEdge {
  from: string;
  to: string;
  counts: Counts;
  status: Status;
  meanSeconds: number | undefined;
  /** `link` for asynchronous trace links. */
  edgeType: string | undefined;
}

/** The whole map. */
export interface ServiceMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

function meanSeconds(stats: Stats | undefined): number | undefined {
  const total = stats?.TotalCount ?? 0;
  const sum = stats?.TotalResponseTime;
  return total > 0 && sum !== undefined ? sum / total : undefined;
}

/** Classifies a node: the client by type, inferred nodes by their `unknown` state. */
export function nodeKind(service: Service): NodeKind {
  if (service.Type === 'client') return 'client';
  if (service.State === 'unknown' || service.Type === 'remote') return 'inferred';
  return 'service';
}

/**
 * Builds the map model. Services without a `ReferenceId` and edges to unknown references are
 * dropped; nodes keep the response order.
 */
export function buildServiceMap(services: readonly Service[]): ServiceMap {
  const nodes: MapNode[] = [];
  const known = new Set<string>();
  for (const service of services) {
    if (service.ReferenceId === undefined) continue;
    const key = String(service.ReferenceId);
    const kind = nodeKind(service);
    const name = service.Name ?? service.Names?.[0] ?? `#${key}`;
    const counts = countsOf(service.SummaryStatistics);
    const resources = (service.Names ?? []).filter((n) => n !== name);
    known.add(key);
    nodes.push({
      key,
      name,
      label: kind === 'client' ? 'Client' : nodeLabel(name, kind === 'inferred' ? resources : []),
      resources,
      type: service.Type ?? '',
      kind,
      root: service.Root === true,
      counts,
      status: countsStatus(counts),
      meanSeconds: meanSeconds(service.SummaryStatistics),
    });
  }
  const edges: MapEdge[] = [];
  for (const service of services) {
    if (service.ReferenceId === undefined) continue;
    for (const edge of service.Edges ?? []) {
      const to = edge.ReferenceId === undefined ? undefined : String(edge.ReferenceId);
      if (to === undefined || !known.has(to)) continue;
      const counts = countsOf(edge.SummaryStatistics);
      edges.push({
        from: String(service.ReferenceId),
        to,
        counts,
        status: countsStatus(counts),
        meanSeconds: meanSeconds(edge.SummaryStatistics),
        edgeType: edge.EdgeType,
      });
    }
  }
  // The client sends no segments: its numbers are those of its calls into the root services.
  for (const node of nodes) {
    if (node.kind !== 'client' || node.counts.total > 0) continue;
    const out = edges.filter((e) => e.from === node.key);
    node.counts = sumCounts(out.map((e) => e.counts));
    node.status = countsStatus(node.counts);
    const timed = out.filter((e) => e.meanSeconds !== undefined);
    const calls = timed.reduce((n, e) => n + e.counts.total, 0);
    node.meanSeconds =
      calls > 0
        ? timed.reduce((t, e) => t + (e.meanSeconds ?? 0) * e.counts.total, 0) / calls
        : undefined;
  }
  return { nodes, edges };
}

function sumCounts(list: readonly Counts[]): Counts {
  const sum: Counts = { total: 0, ok: 0, error: 0, throttle: 0, fault: 0 };
  for (const c of list) {
    sum.total += c.total;
    sum.ok += c.ok;
    sum.error += c.error;
    sum.throttle += c.throttle;
    sum.fault += c.fault;
  }
  return sum;
}

/** The statistics line under a node: `3 req · 1 err · 1 fault · 12.5 ms avg`. */
export function countsLine(counts: Counts, mean: number | undefined): string {
  const parts = [`${counts.total} req`];
  if (counts.error > 0) parts.push(`${counts.error} err`);
  if (counts.throttle > 0) parts.push(`${counts.throttle} throttled`);
  if (counts.fault > 0) parts.push(`${counts.fault} fault`);
  if (mean !== undefined) parts.push(`${formatDurationMs(mean)} avg`);
  return parts.join(' · ');
}

/** Share of each outcome, in drawing order; zero shares omitted. Empty when nothing completed. */
export function outcomeShares(counts: Counts): Array<{ status: Status; share: number }> {
  const parts: Array<[Status, number]> = [
    ['ok', counts.ok],
    ['error', counts.error],
    ['throttle', counts.throttle],
    ['fault', counts.fault],
  ];
  const sum = parts.reduce((acc, [, n]) => acc + n, 0);
  if (sum === 0) return [];
  return parts.filter(([, n]) => n > 0).map(([status, n]) => ({ status, share: n / sum }));
}

/**
 * The short text drawn inside a node: the AWS service of `AWS::…` types (`SNS`, `SQS`, `ECS`),
 * `λ` for Lambda, `www` for remote calls, or the first letters of the service name.
 */
export function nodeGlyph(node: Pick<MapNode, 'kind' | 'type' | 'name'>): string {
  if (node.kind === 'client') return 'client';
  const aws = /^AWS::([A-Za-z0-9]+)/.exec(node.type)?.[1];
  if (aws === 'Lambda') return 'λ';
  if (aws !== undefined) return aws.length > 4 ? aws.slice(0, 3).toUpperCase() : aws.toUpperCase();
  if (node.type === 'remote') return 'www';
  const letters = node.name.replace(/[^A-Za-z0-9]/g, '');
  return (letters.slice(0, 2) || '?').toUpperCase();
}

/** `SQS · shipping-queue`, `SQS · a, b`, `SQS · 3 resources`; just the name without resources. */
export function nodeLabel(name: string, resources: readonly string[]): string {
  const short = shortResourceName(name);
  if (resources.length === 0) return short;
  if (resources.length > 2) return `${short} · ${resources.length} resources`;
  return `${short} · ${resources.map(shortResourceName).join(', ')}`;
}
