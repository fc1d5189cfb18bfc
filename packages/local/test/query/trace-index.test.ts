import { describe, expect, it } from 'vitest';
import { Ingestor } from '../../src/ingest/ingestor.ts';
import { traceFilterCompiler } from '../../src/query/filter-bridge.ts';
import { buildServiceGraph } from '../../src/query/service-graph.ts';
import { TraceIndex } from '../../src/query/trace-index.ts';
import { emptyStats } from '../../src/stats.ts';
import { GroupStore } from '../../src/store/group-store.ts';
import { MemoryTraceStore } from '../../src/store/memory-trace-store.ts';
import { demoTrace, segment, traceId } from '../helpers/documents.ts';

function setup(maxTraces = 100) {
  const store = new MemoryTraceStore(maxTraces);
  const ingestor = new Ingestor(store, emptyStats(), () => 0);
  const index = new TraceIndex(store);
  ingestor.onChange((c) => index.onChange(c));
  const compile = traceFilterCompiler(new GroupStore('us-east-1', '0', undefined, () => {}));
  const add = (annotations: Record<string, unknown>) => {
    const t = traceId(1000);
    ingestor.ingest([
      JSON.stringify(segment({ trace: t, name: 'svc', start: 1000, end: 1001, annotations })),
    ]);
    return t;
  };
  const viaIndex = (expr: string) => {
    const m = compile(expr);
    const c = index.candidates(m.ast);
    return c
      ?.filter((t) => m(index.analyse(t)!.facts))
      .map((t) => t.id)
      .sort();
  };
  const viaScan = (expr: string) => {
    const m = compile(expr);
    return [...store.traces()]
      .filter((t) => m(index.analyse(t)!.facts))
      .map((t) => t.id)
      .sort();
  };
  return { index, add, viaIndex, viaScan };
}

describe('TraceIndex', () => {
  describe('candidates', () => {
    it('gives the same matches as a full scan for indexable expressions', () => {
      const { add, viaIndex, viaScan } = setup();
      add({ order: 'a', n: 5, flag: true });
      add({ order: 'b', n: 5 });
      add({ order: '5' });
      add({});
      for (const expr of [
        'annotation.order = "a"',
        'annotation.n = 5',
        'annotation.order = "5"',
        'annotation.flag = true',
        'annotation.order = "a" OR annotation.order = "b"',
        'annotation.n = 5 AND annotation.order = "b"',
        'annotation.order = "zzz"',
      ]) {
        expect(viaIndex(expr), expr).toEqual(viaScan(expr));
      }
      expect(viaIndex('annotation.n = 5')).toHaveLength(2);
    });

    it('declines expressions it cannot plan', () => {
      const { index } = setup();
      expect(index.candidates(undefined)).toBeUndefined();
      const compile = traceFilterCompiler(new GroupStore('us-east-1', '0', undefined, () => {}));
      expect(index.candidates(compile('fault OR annotation.x = "1"').ast)).toBeUndefined();
      expect(index.candidates(compile('annotation.x != "1"').ast)).toBeUndefined();
    });

    it('forgets evicted traces and sees replaced documents', () => {
      const { add, viaIndex } = setup(1);
      add({ order: 'old' });
      add({ order: 'new' });
      expect(viaIndex('annotation.order = "old"')).toEqual([]);
      expect(viaIndex('annotation.order = "new"')).toHaveLength(1);
    });
  });

  describe('analyse', () => {
    it('gives a query the current analysis of traces still pending background analysis', () => {
      const store = new MemoryTraceStore(100);
      const ingestor = new Ingestor(store, emptyStats(), () => 0);
      const index = new TraceIndex(store);
      ingestor.onChange((c) => index.onChange(c));
      const traces = Array.from({ length: 20 }, (_, i) => demoTrace(1000 + i));
      // the segments of each trace in two batches: the second arrives after a first analysis
      ingestor.ingest(traces.map((t) => JSON.stringify(t.documents[0])));
      for (const t of store.traces()) index.analyse(t);
      ingestor.ingest(traces.flatMap((t) => t.documents.slice(1).map((d) => JSON.stringify(d))));
      expect(index.pending).toBe(20);
      const graph = buildServiceGraph([...store.traces()].map((t) => index.analyse(t)!.graph));
      const node = (name: string) => graph.find((n) => n.Name === name && n.Type !== 'client');
      const edges = graph.flatMap((n) =>
        n.Edges.map(
          (e) => `${n.Name}→${graph[e.ReferenceId]!.Name}:${e.SummaryStatistics.TotalCount}`,
        ),
      );
      expect(edges.sort()).toEqual([
        'SNS→inventory:20',
        'SQS→shipping:20',
        'inventory→SQS:20',
        'orders→SNS:20',
        'orders→orders:20',
      ]);
      expect(node('shipping')?.SummaryStatistics.TotalCount).toBe(20);
      expect(index.pending).toBe(0);
      index.close();
    });
  });
});
