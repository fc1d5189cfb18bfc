// The checks behind the vitest matchers, as pure functions returning vitest's
// `{ pass, message }` so they can be tested (and reused with other runners) without expect.
import { coerceTrace, isTraceNode } from '../trace/coerce-trace.ts';
import {
  graphFromApi,
  findEdges,
  describeRef,
  type NodeSelector,
} from '../trace/service-graph-view.ts';
import type { ApiServiceGraph } from '../trace/api-shapes.ts';
import type { ServiceGraphView, Trace, TraceNode } from '../trace/types.ts';
import type { ExpectedNode, TreeMatchOptions } from './expected-node.ts';
import { asList, matchTraceTree } from './match-tree.ts';
import type { Equals } from './node-fields.ts';
import { renderTreeDiff } from './render-tree-diff.ts';
import { formatLogLines } from '../logs/format-log-lines.ts';

/** Result shape shared with vitest's `expect.extend`. */
export interface AssertionResult {
  pass: boolean;
  message: () => string;
}

/** Options of {@link checkServiceGraphEdge}. */
export interface EdgeExpectation {
  /** At least this many calls on the edge. Default 1. */
  minCount?: number;
  /** `true`: at least one call faulted; `false`: none did. Default: not checked. */
  fault?: boolean;
}

const NOT_A_TRACE =
  'expected a Trace (from waitForTrace or buildTrace), a BatchGetTraces output, a list of segment documents or a trace node';

/** `toHaveTraceTree`: the trace contains `expected`, matched partially. */
export function checkTraceTree(
  received: unknown,
  expected: ExpectedNode | readonly ExpectedNode[],
  options: TreeMatchOptions = {},
  equals: Equals = Object.is,
): AssertionResult {
  const trace = coerceTrace(received);
  if (!trace) return { pass: false, message: () => NOT_A_TRACE };
  const list = asList(expected);
  const result = matchTraceTree(trace.roots, list, { ...options, equals });
  if (result.pass) {
    return {
      pass: true,
      message: () =>
        `expected trace ${trace.id} not to have this tree, but it does:\n${trace.print()}`,
    };
  }
  return {
    pass: false,
    message: () =>
      `expected trace ${trace.id} to have this tree${options.ordered ? ' (ordered)' : ''}\n\n${renderTreeDiff(list, trace.roots, result.mismatch)}${logSection(trace)}`,
  };
}

/** The log lines of the trace's services under a failing tree (newest last), when it has them. */
function logSection(trace: Trace): string {
  const involved = new Set(trace.services);
  const lines = (trace.logs ?? []).filter((l) => involved.size === 0 || involved.has(l.service));
  if (lines.length === 0) return '';
  return `\n\nLog lines of ${[...new Set(lines.map((l) => l.service))].join(', ')} in this trace (newest last):\n${formatLogLines(lines, 40)}`;
}

/** `toHaveServiceGraphEdge`: an edge `from → to` with enough calls (and faults, if asked). */
export function checkServiceGraphEdge(
  received: unknown,
  from: NodeSelector,
  to: NodeSelector,
  expectation: EdgeExpectation = {},
): AssertionResult {
  const view = graphOf(received);
  if (!view)
    return {
      pass: false,
      message: () => 'expected a GetServiceGraph/GetTraceGraph output or a Trace',
    };
  const label = `${show(from)} → ${show(to)}`;
  const minCount = expectation.minCount ?? 1;
  const edges = findEdges(view, from, to);
  const count = edges.reduce((n, e) => n + e.count, 0);
  const faults = edges.reduce((n, e) => n + e.faults, 0);
  const faultOk = expectation.fault === undefined || expectation.fault === faults > 0;
  const pass = edges.length > 0 && count >= minCount && faultOk;
  const all = view.edges.map(
    (e) =>
      `  ${describeRef(e.from)} → ${describeRef(e.to)}  calls=${e.count} faults=${e.faults} errors=${e.errors}`,
  );
  const seen = `\nEdges in the graph:\n${all.length > 0 ? all.join('\n') : '  (none)'}`;
  if (pass)
    return { pass, message: () => `expected no edge ${label}, but found ${count} call(s)${seen}` };
  const why =
    edges.length === 0
      ? 'there is no such edge'
      : count < minCount
        ? `it has ${count} call(s), expected at least ${minCount}`
        : expectation.fault
          ? 'none of its calls faulted'
          : `${faults} of its calls faulted`;
  return {
    pass,
    message: () =>
      `expected an edge ${label}${describeExpectation(expectation)}, but ${why}${seen}`,
  };
}

/** `toHaveAnnotation`: the node (or some node of the trace) has annotation `key` (= `value`). */
export function checkAnnotation(
  received: unknown,
  key: string,
  value: unknown,
  hasValue: boolean,
  equals: Equals = Object.is,
): AssertionResult {
  const nodes: TraceNode[] | undefined = isTraceNode(received)
    ? [received]
    : coerceTrace(received)?.nodes;
  if (!nodes) return { pass: false, message: () => NOT_A_TRACE };
  const holders = nodes.filter((n) => key in n.annotations);
  const pass = holders.some((n) => !hasValue || equals(n.annotations[key], value));
  const want = hasValue ? `${key} = ${JSON.stringify(value)}` : key;
  const found = holders.map(
    (n) => `  ${n.name} (${n.service}): ${key} = ${JSON.stringify(n.annotations[key])}`,
  );
  const detail =
    found.length > 0 ? `\nFound:\n${found.join('\n')}` : `\nNo node has annotation ${key}.`;
  return {
    pass,
    message: () =>
      pass
        ? `expected no node with annotation ${want}${detail}`
        : `expected a node with annotation ${want}${detail}`,
  };
}

/** `toBeOneTrace`: one trace ID throughout, and every parent link resolves. */
export function checkOneTrace(received: unknown): AssertionResult {
  const trace = coerceTrace(received);
  if (!trace) return { pass: false, message: () => NOT_A_TRACE };
  const problems = oneTraceProblems(trace);
  const pass = problems.length === 0 && trace.nodes.length > 0;
  if (trace.nodes.length === 0) problems.push('it has no segments');
  return {
    pass,
    message: () =>
      pass
        ? `expected more than one trace, but ${trace.id} is one connected trace`
        : `expected one connected trace, but\n${problems.map((p) => `  - ${p}`).join('\n')}\n\n${trace.print()}`,
  };
}

function oneTraceProblems(trace: Trace): string[] {
  const problems: string[] = [];
  const ids = [...new Set(trace.nodes.map((n) => n.traceId))];
  if (ids.length > 1) problems.push(`segments carry ${ids.length} trace IDs: ${ids.join(', ')}`);
  for (const o of trace.orphans)
    problems.push(
      `segment "${o.name}" (${o.id}) names parent ${o.parentId ?? ''}, which is not in the trace`,
    );
  const rootless = trace.roots.filter((r) => r.parentId === undefined);
  if (rootless.length > 1)
    problems.push(`${rootless.length} root segments: ${rootless.map((r) => r.name).join(', ')}`);
  return problems;
}

function graphOf(received: unknown): ServiceGraphView | undefined {
  if (
    received !== null &&
    typeof received === 'object' &&
    Array.isArray((received as ApiServiceGraph).Services)
  ) {
    return graphFromApi(received);
  }
  return coerceTrace(received)?.graph;
}

function describeExpectation(e: EdgeExpectation): string {
  const parts = [
    e.minCount !== undefined ? `≥ ${e.minCount} calls` : '',
    e.fault === undefined ? '' : e.fault ? 'with faults' : 'without faults',
  ];
  const text = parts.filter(Boolean).join(', ');
  return text ? ` (${text})` : '';
}

function show(selector: NodeSelector): string {
  return typeof selector === 'string'
    ? selector
    : [selector.name, selector.type && `(${selector.type})`].filter(Boolean).join(' ');
}
