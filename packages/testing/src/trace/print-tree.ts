// Renders a trace tree as indented text (pure): one line per node with its kind glyph, name,
// namespace/origin, AWS operation, HTTP method/path/status, duration and status markers.
import type { Trace, TraceNode } from './types.ts';
import { treeLines } from '../internal/tree-lines.ts';

/** The whole trace: a header line, then every root's tree. */
export function printTrace(trace: Trace): string {
  const segments = trace.nodes.filter((n) => n.kind === 'segment' && !n.inferred).length;
  const duration = trace.duration === undefined ? '' : `, ${trace.duration.toFixed(3)} s`;
  const header = `trace ${trace.id} (${plural(segments, 'segment')}, ${plural(trace.services.length, 'service')}${duration})`;
  const orphans =
    trace.orphans.length > 0
      ? [`  ! ${plural(trace.orphans.length, 'segment')} whose parent is missing`]
      : [];
  return [header, ...orphans, ...printNodes(trace.roots)].join('\n');
}

/** The trees under `roots`, drawn with box characters. */
export function printNodes(roots: readonly TraceNode[]): string[] {
  return treeLines(roots, (n) => n.children, describeNode).map((line) => line.text);
}

/** One node on one line, e.g. `● orders  AWS::EC2::Instance  POST /orders → 201  152.0 ms`. */
export function describeNode(node: TraceNode): string {
  const glyph = node.inferred ? '◇ ' : node.kind === 'segment' ? '● ' : '';
  const resource = node.inferred ? resourceOf(node.aws) : undefined;
  const parts = [`${glyph}${node.name}${resource === undefined ? '' : ` (${resource})`}`];
  if (node.inferred) parts.push(`${node.origin ?? 'inferred'} (inferred)`);
  else if (node.origin) parts.push(node.origin);
  const call = [node.namespace, node.aws?.operation].filter((s) => typeof s === 'string').join(' ');
  if (call) parts.push(call);
  // an inferred node repeats its caller's request: its status says enough, the path is one line up
  const http = node.inferred ? statusOf(node) : httpOf(node);
  if (http) parts.push(http);
  if (node.durationMs !== undefined) parts.push(`${node.durationMs.toFixed(1)} ms`);
  const markers = [
    node.fault && 'FAULT',
    node.error && 'ERROR',
    node.throttle && 'THROTTLE',
    node.inProgress && 'IN PROGRESS',
  ].filter((m): m is string => typeof m === 'string');
  if (markers.length > 0) parts.push(markers.map((m) => `[${m}]`).join(''));
  return parts.join('  ');
}

function httpOf(node: TraceNode): string | undefined {
  const method = node.http?.request?.method;
  const url = node.http?.request?.url;
  const status = node.http?.response?.status;
  const target = [method, url === undefined ? undefined : pathOf(url)].filter(Boolean).join(' ');
  if (status === undefined) return target || undefined;
  return target ? `${target} → ${status}` : `→ ${status}`;
}

function statusOf(node: TraceNode): string | undefined {
  const status = node.http?.response?.status;
  return status === undefined ? undefined : `→ ${status}`;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The resource an inferred node stands for, from its `aws` block: X-Ray names the node after the
 * call (`SQS`, `SNS`, `DynamoDB`), so the queue, topic, table or bucket is shown beside it.
 */
function resourceOf(aws: Record<string, unknown> | undefined): string | undefined {
  const text = (key: string): string | undefined =>
    typeof aws?.[key] === 'string' && aws[key] !== '' ? aws[key] : undefined;
  const queue = text('queue_url')?.replace(/\/+$/, '');
  if (queue !== undefined) return queue.slice(queue.lastIndexOf('/') + 1);
  const topic = text('topic_arn');
  if (topic !== undefined) return topic.slice(topic.lastIndexOf(':') + 1);
  return text('table_name') ?? text('bucket_name');
}
