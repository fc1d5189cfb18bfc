// Partial, order-insensitive matching of an expected tree against a trace tree (pure). Sibling
// assignment is a bipartite matching, so two identical expected children need two actual ones.
import type { TraceNode } from '../trace/types.ts';
import type { ExpectedNode, TreeMatchOptions } from './expected-node.ts';
import { checkFields, type Equals } from './node-fields.ts';
import { showValue } from '../internal/show-value.ts';

/** Where matching failed: the expected node, the closest actual node, and why. */
export interface TreeMismatch {
  expected: ExpectedNode;
  actual?: TraceNode;
  reason: string;
}

/** Outcome of {@link matchTraceTree}. */
export type TreeMatchResult = { pass: true } | { pass: false; mismatch: TreeMismatch };

type Outcome = { ok: true; size: number } | { ok: false; score: number; mismatch: TreeMismatch };

/**
 * Matches `expected` (one node or a list of top-level nodes) against the trace's roots. Reports
 * the mismatch of the attempt that matched the most expected nodes.
 */
export function matchTraceTree(
  roots: readonly TraceNode[],
  expected: ExpectedNode | readonly ExpectedNode[],
  options: TreeMatchOptions & { equals?: Equals } = {},
): TreeMatchResult {
  const ctx: Ctx = {
    ordered: options.ordered ?? false,
    equals: options.equals ?? Object.is,
    memo: new Map(),
  };
  const list = asList(expected);
  const top: ExpectedNode = { name: 'trace', children: [...list] };
  const outcome = matchChildren(top, undefined, list, roots, ctx);
  return outcome.ok ? { pass: true } : { pass: false, mismatch: outcome.mismatch };
}

interface Ctx {
  ordered: boolean;
  equals: Equals;
  memo: Map<ExpectedNode, Map<TraceNode, Outcome>>;
}

function matchNode(e: ExpectedNode, a: TraceNode, ctx: Ctx): Outcome {
  let row = ctx.memo.get(e);
  if (!row) ctx.memo.set(e, (row = new Map<TraceNode, Outcome>()));
  const cached = row.get(a);
  if (cached) return cached;
  const reason = checkFields(e, a, ctx.equals);
  let outcome: Outcome;
  if (reason !== undefined)
    outcome = { ok: false, score: 0, mismatch: { expected: e, actual: a, reason } };
  else if (!e.children) outcome = { ok: true, size: 1 };
  else {
    const inner = matchChildren(e, a, e.children, a.children, ctx);
    outcome = inner.ok ? { ok: true, size: 1 + inner.size } : { ...inner, score: 1 + inner.score };
  }
  row.set(a, outcome);
  return outcome;
}

function matchChildren(
  parentE: ExpectedNode,
  parentA: TraceNode | undefined,
  es: readonly ExpectedNode[],
  as: readonly TraceNode[],
  ctx: Ctx,
): Outcome {
  const where = parentA ? `"${parentA.name}"` : 'the trace';
  return ctx.ordered
    ? matchOrdered(parentE, parentA, es, as, ctx, where)
    : matchAnyOrder(es, as, ctx, where);
}

function matchOrdered(
  parentE: ExpectedNode,
  parentA: TraceNode | undefined,
  es: readonly ExpectedNode[],
  as: readonly TraceNode[],
  ctx: Ctx,
  where: string,
): Outcome {
  let size = 0;
  for (const [i, e] of es.entries()) {
    const a = as[i];
    if (!a) {
      const mismatch: TreeMismatch = {
        expected: e,
        reason: `${where} has only ${as.length} ${noun(as.length)}, expected ${es.length}`,
      };
      if (parentA) mismatch.actual = parentA;
      return { ok: false, score: size, mismatch };
    }
    const r = matchNode(e, a, ctx);
    if (!r.ok) return { ...r, score: size + r.score };
    size += r.size;
  }
  if (as.length > es.length) {
    const reason = `${where} has ${as.length} ${noun(as.length)}, expected exactly ${es.length} (ordered)`;
    const mismatch: TreeMismatch = { expected: parentE, reason };
    if (parentA) mismatch.actual = parentA;
    return { ok: false, score: size, mismatch };
  }
  return { ok: true, size };
}

function matchAnyOrder(
  es: readonly ExpectedNode[],
  as: readonly TraceNode[],
  ctx: Ctx,
  where: string,
): Outcome {
  const results = es.map((e) => as.map((a) => matchNode(e, a, ctx)));
  const owner = new Array<number>(as.length).fill(-1); // actual index → expected index
  const assign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < as.length; j++) {
      if (seen[j] || !results[i]?.[j]?.ok) continue;
      seen[j] = true;
      if (owner[j] === -1 || assign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  const unmatched = es.findIndex((_, i) => !assign(i, new Array<boolean>(as.length).fill(false)));
  const matchedSize = (): number =>
    owner.reduce((sum, i, j) => {
      const r = i === -1 ? undefined : results[i]?.[j];
      return sum + (r?.ok ? r.size : 0);
    }, 0);
  if (unmatched === -1) return { ok: true, size: matchedSize() };
  const e = es[unmatched]!;
  const row = results[unmatched] ?? [];
  if (row.some((r) => r.ok)) {
    const wanted = es.filter((x) => x === e || sameSpec(x, e)).length;
    return {
      ok: false,
      score: matchedSize(),
      mismatch: {
        expected: e,
        reason: `${where} has fewer children matching ${describeSpec(e)} than the ${wanted} expected`,
      },
    };
  }
  let best: Outcome | undefined;
  for (const r of row) if (!r.ok && (!best || best.ok || r.score > best.score)) best = r;
  const base = matchedSize();
  if (!best || best.ok)
    return {
      ok: false,
      score: base,
      mismatch: { expected: e, reason: `${where} has no children; expected ${describeSpec(e)}` },
    };
  if (best.score > 0 || as.length === 1) return { ...best, score: base + best.score };
  const reason = `no child of ${where} matches ${describeSpec(e)} (closest: ${best.mismatch.reason})`;
  const mismatch: TreeMismatch = { expected: e, reason };
  if (best.mismatch.actual) mismatch.actual = best.mismatch.actual;
  return { ok: false, score: base, mismatch };
}

/** One expected node or a list of them, as a list. */
export function asList(expected: ExpectedNode | readonly ExpectedNode[]): readonly ExpectedNode[] {
  return isList(expected) ? expected : [expected];
}

function isList(value: ExpectedNode | readonly ExpectedNode[]): value is readonly ExpectedNode[] {
  return Array.isArray(value);
}

function sameSpec(a: ExpectedNode, b: ExpectedNode): boolean {
  return describeSpec(a) === describeSpec(b);
}

function noun(n: number): string {
  return n === 1 ? 'child' : 'children';
}

/** The given properties of an expected node as `key=value` pairs (children left out). */
export function describeSpec(e: ExpectedNode): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(e)) {
    if (key === 'children' || value === undefined) continue;
    parts.push(`${key}=${showValue(value)}`);
  }
  return parts.length > 0 ? parts.join(' ') : '(any node)';
}
