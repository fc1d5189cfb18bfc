// Metamorphic laws of the filter language over seeded random stored traces: `!a` selects the
// complement of `a`, `a AND b` the intersection, `a OR b` the union, `(a)` the same as `a`, each
// within one time window (and within a group); the annotation index gives what a full scan gives.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../core/test/support/seeded-random.ts';
import { Ingestor } from '../../../src/ingest/ingestor.ts';
import { traceFilterCompiler } from '../../../src/query/filter-bridge.ts';
import { findSummaries } from '../../../src/query/find-summaries.ts';
import type { TimeRangeType, TimeWindow } from '../../../src/query/time-range.ts';
import { TraceIndex } from '../../../src/query/trace-index.ts';
import { emptyStats } from '../../../src/stats.ts';
import { GroupStore } from '../../../src/store/group-store.ts';
import { MemoryTraceStore } from '../../../src/store/memory-trace-store.ts';

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const hex = (rand: Rand, n: number): string =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');

const T0 = 1_700_000_000;
const SERVICES = ['api', 'orders', 'billing', 'stock'];
const KEYS = ['k1', 'k2', 'k.dot'];
const VALUES: ReadonlyArray<string | number | boolean> = [
  'a',
  'b',
  'A',
  '5',
  5,
  0,
  -1.5,
  true,
  false,
];
const USERS = ['alice', 'bob'];

/** One random trace: a root segment, sometimes a downstream segment, random facts everywhere. */
function randomTrace(rand: Rand): string[] {
  const start = T0 + Math.floor(rand() * 600) + rand();
  const trace = `1-${Math.floor(start - rand() * 5)
    .toString(16)
    .padStart(8, '0')}-${hex(rand, 24)}`;
  const annotations = (): Record<string, string | number | boolean> => {
    const out: Record<string, string | number | boolean> = {};
    for (const k of KEYS) if (rand() < 0.4) out[k] = pick(rand, VALUES);
    return out;
  };
  const flags = (): Record<string, boolean> => {
    const r = rand();
    return r < 0.15 ? { fault: true } : r < 0.3 ? { error: true, throttle: rand() < 0.5 } : {};
  };
  const status = pick(rand, [200, 201, 404, 429, 500, undefined]);
  const rootId = hex(rand, 16);
  const callId = hex(rand, 16);
  const duration = Math.round(rand() * 3000) / 1000;
  const downstream = rand() < 0.5 ? pick(rand, SERVICES) : undefined;
  const root = {
    name: pick(rand, SERVICES),
    id: rootId,
    trace_id: trace,
    start_time: start,
    ...(rand() < 0.1 ? { in_progress: true } : { end_time: start + duration }),
    ...(rand() < 0.5 ? { user: pick(rand, USERS) } : {}),
    ...(status === undefined
      ? {}
      : { http: { request: { method: 'GET', url: 'http://x/y' }, response: { status } } }),
    annotations: annotations(),
    ...flags(),
    ...(downstream === undefined
      ? {}
      : {
          subsegments: [
            {
              name: downstream,
              id: callId,
              start_time: start + 0.01,
              end_time: start + duration / 2,
              namespace: 'remote',
              ...flags(),
            },
          ],
        }),
  };
  const docs = [JSON.stringify(root)];
  if (downstream !== undefined && rand() < 0.7) {
    docs.push(
      JSON.stringify({
        name: downstream,
        id: hex(rand, 16),
        trace_id: trace,
        parent_id: callId,
        start_time: start + 0.02,
        end_time: start + duration / 3,
        annotations: annotations(),
        ...flags(),
      }),
    );
  }
  return docs;
}

const literal = (v: string | number | boolean): string =>
  typeof v === 'string' ? JSON.stringify(v) : String(v);
const annotationRef = (k: string): string =>
  k.includes('.') ? `annotation[${k}]` : `annotation.${k}`;

/** An atom any trace may or may not match. */
function atom(rand: Rand): string {
  const k = annotationRef(pick(rand, KEYS));
  return pick(rand, [
    () => `${k} = ${literal(pick(rand, VALUES))}`,
    () => `${k} = ${literal(pick(rand, VALUES))}`,
    () => k,
    () => `${k} != ${literal(pick(rand, VALUES))}`,
    () => `${k} > 0`,
    () => pick(rand, ['fault', 'error', 'throttle', 'ok', 'partial']),
    () => `responsetime > ${pick(rand, [0.5, 1, 2])}`,
    () => `duration <= ${pick(rand, [0.5, 1.5])}`,
    () => `http.status = ${pick(rand, [200, 404, 500])}`,
    () => `user = ${literal(pick(rand, USERS))}`,
    () => `service(${literal(pick(rand, SERVICES))})`,
    () => `service(${literal(pick(rand, SERVICES))}) { fault OR error }`,
    () => `edge(${literal(pick(rand, SERVICES))}, ${literal(pick(rand, SERVICES))})`,
    () => `rootcause.fault.service { name = ${literal(pick(rand, SERVICES))} }`,
  ])();
}

/** A random expression of depth ≤ `depth`, annotation equalities favoured so the index plans some. */
function expression(rand: Rand, depth: number): string {
  const r = rand();
  if (depth > 0 && r < 0.3)
    return `(${expression(rand, depth - 1)} AND ${expression(rand, depth - 1)})`;
  if (depth > 0 && r < 0.55)
    return `(${expression(rand, depth - 1)} OR ${expression(rand, depth - 1)})`;
  if (depth > 0 && r < 0.65) return `!(${expression(rand, depth - 1)})`;
  if (r < 0.85) return `${annotationRef(pick(rand, KEYS))} = ${literal(pick(rand, VALUES))}`;
  return atom(rand);
}

function setup(seed: number, traces: number) {
  const rand = seededRandom(seed);
  const store = new MemoryTraceStore(traces * 2);
  const ingestor = new Ingestor(store, emptyStats(), () => T0 * 1000);
  const index = new TraceIndex(store);
  ingestor.onChange((c) => index.onChange(c));
  for (let i = 0; i < traces; i++) ingestor.ingest(randomTrace(rand));
  const groups = new GroupStore('us-east-1', '0', undefined, () => {});
  groups.create('g', 'fault OR annotation.k1 = "a"', {});
  const compile = traceFilterCompiler(groups);
  const source = {
    traces: store.traces(),
    analyse: (t: Parameters<typeof index.analyse>[0]) => index.analyse(t),
  };
  /** IDs GetTraceSummaries returns, scanning (or, with `planned`, from the index's candidates). */
  const ids = (
    expr: string | undefined,
    window: TimeWindow,
    type: TimeRangeType,
    planned = false,
  ): Set<string> => {
    const matcher = expr === undefined ? undefined : compile(expr);
    const candidates = planned ? index.candidates(matcher?.ast) : undefined;
    const page = findSummaries(
      { ...source, traces: candidates ?? store.traces() },
      { window, timeRangeType: type, ...(matcher && { matcher }), pageSize: 1_000_000 },
    );
    expect(page.NextToken).toBeUndefined();
    return new Set(page.TraceSummaries.map((s) => s.Id));
  };
  return { rand, index, store, ids };
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();
const minus = (a: Set<string>, b: Set<string>): string[] => sorted([...a].filter((x) => !b.has(x)));
const and = (a: Set<string>, b: Set<string>): string[] => sorted([...a].filter((x) => b.has(x)));
const or = (a: Set<string>, b: Set<string>): string[] => sorted(new Set([...a, ...b]));

function randomWindow(rand: Rand): { window: TimeWindow; type: TimeRangeType } {
  const type = pick(rand, ['TraceId', 'Event', 'Service'] as const);
  if (rand() < 0.4) return { window: { start: T0 - 100, end: T0 + 1000 }, type };
  const start = T0 + Math.floor(rand() * 500);
  return { window: { start, end: start + 30 + Math.floor(rand() * 300) }, type };
}

describe('filter expressions over stored traces', () => {
  describe('metamorphic laws', () => {
    it('gives the complement for !a, the intersection for AND, the union for OR, the same for (a)', () => {
      const { rand, ids } = setup(0x1a35, 400);
      const counts = { checks: 0, nonEmptyA: 0, nonEmptyComplement: 0, nonEmptyAnd: 0 };
      for (let i = 0; i < 300; i++) {
        const a = expression(rand, 3);
        const b = expression(rand, 3);
        const { window, type } = randomWindow(rand);
        // the universe: every trace of the window, or of the window within group g
        const grouped = rand() < 0.3;
        const scope = (e: string): string => (grouped ? `group.name = "g" AND (${e})` : e);
        const all = ids(grouped ? 'group.name = "g"' : undefined, window, type);
        const A = ids(scope(a), window, type);
        const B = ids(scope(b), window, type);
        const label = `${a}  |  ${b}  |  ${JSON.stringify(window)} ${type} group=${grouped}`;
        expect(sorted(ids(scope(`!(${a})`), window, type)), `!a: ${label}`).toEqual(minus(all, A));
        expect(sorted(ids(scope(`NOT (${a})`), window, type)), `NOT a: ${label}`).toEqual(
          minus(all, A),
        );
        expect(sorted(ids(scope(`${a} AND ${b}`), window, type)), `AND: ${label}`).toEqual(
          and(A, B),
        );
        expect(sorted(ids(scope(`${a} OR ${b}`), window, type)), `OR: ${label}`).toEqual(or(A, B));
        expect(sorted(ids(scope(`(${a})`), window, type)), `(a): ${label}`).toEqual(sorted(A));
        expect(sorted(ids(scope(`!(!(${a}))`), window, type)), `!!a: ${label}`).toEqual(sorted(A));
        // De Morgan: !(a OR b) = !a AND !b
        expect(sorted(ids(scope(`!(${a} OR ${b})`), window, type)), `De Morgan: ${label}`).toEqual(
          minus(all, new Set(or(A, B))),
        );
        counts.checks += 7;
        if (A.size > 0) counts.nonEmptyA++;
        if (A.size < all.size) counts.nonEmptyComplement++;
        if (and(A, B).length > 0) counts.nonEmptyAnd++;
      }
      // the laws were checked on sets that say something, not only on empty ones
      expect(counts.nonEmptyA).toBeGreaterThan(100);
      expect(counts.nonEmptyComplement).toBeGreaterThan(100);
      expect(counts.nonEmptyAnd).toBeGreaterThan(30);
    });
  });

  describe('annotation index', () => {
    it('gives the same result set as a full scan on random expressions', () => {
      const { rand, ids, index } = setup(0x1dc5, 600);
      let planned = 0;
      let plannedNonEmpty = 0;
      for (let i = 0; i < 600; i++) {
        const expr = expression(rand, 3);
        const { window, type } = randomWindow(rand);
        const viaIndex = ids(expr, window, type, true);
        const viaScan = ids(expr, window, type);
        expect(sorted(viaIndex), `${expr} ${JSON.stringify(window)} ${type}`).toEqual(
          sorted(viaScan),
        );
        const ast = traceFilterCompiler(new GroupStore('us-east-1', '0', undefined, () => {}))(
          expr,
        ).ast;
        if (index.candidates(ast) !== undefined) {
          planned++;
          if (viaScan.size > 0) plannedNonEmpty++;
        }
      }
      // enough of the expressions were answered from the index, with traces in the answer
      expect(planned).toBeGreaterThan(200);
      expect(plannedNonEmpty).toBeGreaterThan(100);
      index.close();
    });
  });
});
