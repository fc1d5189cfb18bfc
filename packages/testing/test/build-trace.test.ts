import { describe, it, expect } from 'vitest';
import { buildTrace, type TraceNode } from '../src/index.ts';
import { apiTrace, sentDocuments } from './helpers/fixtures.ts';

const names = (nodes: readonly TraceNode[]): string[] => nodes.map((n) => `${n.kind}:${n.name}`);

describe('buildTrace', () => {
  describe('with the order flow from BatchGetTraces', () => {
    const trace = buildTrace(apiTrace('order-flow'));

    it('nests segments across services under the subsegment that called them', () => {
      expect(trace.roots).toHaveLength(1);
      const chain: string[] = [];
      for (let n: TraceNode | undefined = trace.roots[0]; n; n = n.children[0])
        chain.push(`${n.kind}:${n.name}`);
      expect(chain).toEqual([
        'segment:orders',
        'subsegment:SNS',
        'segment:SNS',
        'segment:inventory',
        'subsegment:validate_inventory',
        'subsegment:SQS',
        'segment:SQS',
        'segment:shipping',
        'subsegment:127.0.0.1',
        'segment:orders',
      ]);
    });

    it('marks inferred SNS and SQS nodes with their origin', () => {
      const inferred = trace.nodes.filter((n) => n.inferred);
      expect(inferred.map((n) => [n.name, n.origin])).toEqual([
        ['SNS', 'AWS::SNS'],
        ['SQS', 'AWS::SQS::Queue'],
      ]);
    });

    it('gives subsegments the service of their segment', () => {
      const validate = trace.nodes.find((n) => n.name === 'validate_inventory');
      expect(validate?.service).toBe('inventory');
      expect(trace.nodes.find((n) => n.name === '127.0.0.1')?.service).toBe('shipping');
    });

    it('lists services, durations and annotations', () => {
      expect(trace.id).toBe('1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01');
      expect(trace.services).toEqual(['orders', 'inventory', 'shipping']);
      expect(trace.roots[0]?.durationMs).toBe(42);
      expect(trace.roots[0]?.annotations).toEqual({ order_id: 'ord-1001' });
      expect(trace.orphans).toEqual([]);
    });

    it('derives the service graph edges from the tree', () => {
      const edges = trace.graph.edges.map(
        (e) => `${e.from.name}|${e.from.type} → ${e.to.name}|${e.to.type}`,
      );
      expect(edges).toEqual([
        'client|client → orders|',
        'orders| → SNS|AWS::SNS',
        'SNS|AWS::SNS → inventory|',
        'inventory| → SQS|AWS::SQS::Queue',
        'SQS|AWS::SQS::Queue → shipping|',
        'shipping| → orders|',
      ]);
    });
  });

  describe('with documents as the services sent them', () => {
    it('attaches an independent subsegment to its segment', () => {
      const docs = sentDocuments();
      const trace = buildTrace({ Segments: docs.map((d) => ({ Document: JSON.stringify(d) })) });
      const shipping = trace.nodes.find((n) => n.name === 'shipping');
      expect(names(shipping?.children ?? [])).toEqual(['subsegment:127.0.0.1']);
      expect(shipping?.children[0]?.service).toBe('shipping');
      expect(trace.roots).toHaveLength(1);
    });
  });

  describe('with a missing segment', () => {
    it('keeps the disconnected part as a second root and reports it as an orphan', () => {
      const trace = buildTrace(apiTrace('broken-flow'));
      expect(names(trace.roots)).toEqual(['segment:orders', 'segment:shipping']);
      expect(trace.orphans.map((n) => n.name)).toEqual(['shipping']);
    });
  });

  describe('with damaged or repeated documents', () => {
    it('skips documents that are not JSON objects', () => {
      const trace = buildTrace({
        Id: 'x',
        Segments: [{ Document: 'not json' }, { Document: '[1]' }, {}],
      });
      expect(trace.nodes).toEqual([]);
      expect(trace.print()).toBe('trace x (0 segments, 0 services)');
    });

    it('keeps the complete copy of a segment over an in-progress one', () => {
      const base = { name: 'a', id: '1111111111111111', trace_id: 't', start_time: 1 };
      const trace = buildTrace({
        Segments: [
          { Document: JSON.stringify({ ...base, end_time: 2 }) },
          { Document: JSON.stringify({ ...base, in_progress: true }) },
        ],
      });
      expect(trace.nodes).toHaveLength(1);
      expect(trace.nodes[0]?.inProgress).toBe(false);
    });
  });
});
