import { describe, expect, it } from 'vitest';
import { assembleTrace } from '../../src/query/assemble-trace.ts';
import { StoredTrace } from '../../src/store/stored-trace.ts';

const T = '1-5759e988-bd862e3fe1be46a994272793';
function traceOf(...docs: Array<Record<string, unknown>>): StoredTrace {
  const trace = new StoredTrace(T);
  for (const d of docs) {
    trace.add({
      traceId: T,
      id: String(d.id),
      raw: JSON.stringify({ trace_id: T, start_time: 1, end_time: 2, ...d }),
      independent: d.type === 'subsegment',
      startTime: 1,
      endTime: 2,
      receivedAt: 0,
    });
  }
  return trace;
}

describe('assembleTrace', () => {
  describe('independent subsegments', () => {
    it('merges a chain of independent subsegments into their segment, whatever the arrival order', () => {
      const trace = traceOf(
        { id: 'c', type: 'subsegment', parent_id: 'b', name: 'inner' },
        { id: 'b', type: 'subsegment', parent_id: 'a', name: 'outer' },
        { id: 'a', name: 'svc' },
      );
      const { segments, orphans } = assembleTrace(trace);
      expect(orphans).toEqual([]);
      const svc = segments[0]?.doc as {
        subsegments: Array<{ id: string; subsegments: Array<{ id: string; type?: string }> }>;
      };
      expect(svc.subsegments[0]?.id).toBe('b');
      expect(svc.subsegments[0]?.subsegments[0]).toMatchObject({ id: 'c' });
      expect(svc.subsegments[0]?.subsegments[0]?.type).toBeUndefined();
      expect(segments[0]?.raw).toBeUndefined();
    });

    it('keeps subsegments whose parent never arrived as orphans', () => {
      const { orphans } = assembleTrace(
        traceOf({ id: 'x', type: 'subsegment', parent_id: 'nope', name: 'lost' }),
      );
      expect(orphans.map((o) => o.id)).toEqual(['x']);
    });
  });

  describe('inferred segments', () => {
    it('infers a remote node only when no segment answered the call', () => {
      const trace = traceOf(
        {
          id: 'a',
          name: 'front',
          subsegments: [
            { id: 's1', name: 'api', namespace: 'remote', start_time: 1, end_time: 2 },
            { id: 's2', name: 'legacy', namespace: 'remote', start_time: 1, end_time: 2 },
          ],
        },
        { id: 'b', name: 'api', parent_id: 's1' },
      );
      const { segments } = assembleTrace(trace);
      const inferred = segments.filter((s) => s.inferred).map((s) => s.doc);
      expect(inferred).toHaveLength(1);
      expect(inferred[0]).toMatchObject({
        name: 'legacy',
        origin: 'remote',
        parent_id: 's2',
        inferred: true,
      });
      const api = segments.find((s) => s.id === 'b');
      expect(api?.caller?.id).toBe('a');
    });

    it('keeps the AWS resource node between a producer and its consumer', () => {
      const trace = traceOf(
        {
          id: 'a',
          name: 'producer',
          subsegments: [
            {
              id: 'a1a1a1a1a1a1a1a1',
              name: 'SQS',
              namespace: 'aws',
              aws: { queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q1' },
              start_time: 1,
              end_time: 2,
            },
          ],
        },
        { id: 'b', name: 'consumer', parent_id: 'a1a1a1a1a1a1a1a1' },
      );
      const { segments } = assembleTrace(trace);
      const queue = segments.find((s) => s.inferred);
      expect(queue?.doc).toMatchObject({ name: 'SQS', origin: 'AWS::SQS::Queue' });
      expect(segments.find((s) => s.id === 'b')?.caller).toBe(queue);
      expect(queue?.id).toBe('2929292929292929');
    });
  });

  describe('damaged documents', () => {
    it('skips documents that are not JSON objects and assembles the rest', () => {
      const trace = traceOf({ id: 'a', name: 'svc' }, { id: 'b', name: 'other' });
      const damaged: Array<[string, string]> = [
        ['c', '{"id":"c","na'],
        ['d', '[1,2]'],
        ['e', 'null'],
      ];
      for (const [id, raw] of damaged) {
        trace.add({ traceId: T, id, raw, independent: id === 'c', startTime: 1, receivedAt: 0 });
      }
      const { segments, orphans } = assembleTrace(trace);
      expect(segments.map((s) => s.id)).toEqual(['a', 'b']);
      expect(orphans).toEqual([]);
    });
  });
});
