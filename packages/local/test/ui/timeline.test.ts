import type { SegmentDocument } from '@otel-xray/core';
import { describe, expect, it } from 'vitest';
import { buildTimelineRows, parseTraceDocuments } from '../../src/ui/lib/timeline.ts';
import { fixtureTrace } from './support/fixtures.ts';

const doc = (over: Partial<SegmentDocument>): SegmentDocument => ({
  name: 'svc',
  id: '0000000000000000',
  trace_id: '1-6553f100-0123456789abcdef01234567',
  start_time: 1,
  end_time: 2,
  ...over,
});

describe('timeline', () => {
  describe('parseTraceDocuments', () => {
    it('parses every document and skips broken ones', () => {
      const docs = parseTraceDocuments(fixtureTrace());
      expect(docs.map((d) => d.name)).toEqual(['shipping', 'orders', 'inventory', 'order-events']);
    });
    it('skips documents without id, name or start time', () => {
      const trace = { Segments: [{ Document: '{"name":"x","id":"1"}' }, { Document: '[]' }, {}] };
      expect(parseTraceDocuments(trace)).toEqual([]);
    });
  });

  describe('buildTimelineRows', () => {
    const rows = buildTimelineRows(parseTraceDocuments(fixtureTrace()));

    it('makes one row per segment, subsegment and inferred segment', () => {
      expect(rows).toHaveLength(10);
    });

    it('nests segments under the subsegment that called them, siblings by start time', () => {
      expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.name}`)).toEqual([
        'orders',
        '  validate-order',
        '  SNS',
        '    order-events',
        '    inventory',
        '      reserve-stock',
        '        db-lock',
        '      SQS',
        '        shipping',
        '          carrier-api',
      ]);
    });

    it('labels kinds, services, namespaces and statuses', () => {
      const by = (name: string) => rows.find((r) => r.name === name)!;
      expect(by('order-events').kind).toBe('inferred');
      expect(by('orders').kind).toBe('segment');
      expect(by('SQS')).toMatchObject({
        kind: 'subsegment',
        service: 'inventory',
        namespace: 'aws',
      });
      expect(by('carrier-api')).toMatchObject({
        service: 'shipping',
        namespace: 'remote',
        status: 'fault',
      });
      expect(by('validate-order').namespace).toBeUndefined();
      expect(by('shipping').status).toBe('fault');
      expect(by('db-lock')).toMatchObject({ status: 'pending', end: undefined });
    });

    it('puts segments with an unknown parent at the top level', () => {
      const orphan = buildTimelineRows([
        doc({ id: 'a', parent_id: 'missing', start_time: 2 }),
        doc({ id: 'b', start_time: 1 }),
      ]);
      expect(orphan.map((r) => [r.id, r.depth])).toEqual([
        ['b', 0],
        ['a', 0],
      ]);
    });

    it('shows every document once even when parents form a cycle', () => {
      const cyclic = buildTimelineRows([
        doc({ id: 'a', parent_id: 'b' }),
        doc({ id: 'b', parent_id: 'a' }),
        doc({ id: 'c', parent_id: 'c' }),
      ]);
      expect(cyclic.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    });

    it('places an independent subsegment under its parent', () => {
      const rows2 = buildTimelineRows([
        doc({ id: 'seg', name: 'api' }),
        doc({ id: 'sub', name: 'query', type: 'subsegment', parent_id: 'seg', start_time: 1.5 }),
      ] as SegmentDocument[]);
      expect(rows2.map((r) => [r.name, r.depth, r.kind])).toEqual([
        ['api', 0, 'segment'],
        ['query', 1, 'subsegment'],
      ]);
    });
  });
});
