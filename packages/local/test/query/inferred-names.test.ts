import { describe, expect, it } from 'vitest';
import { graphSamples } from '../../src/query/graph-samples.ts';
import { buildServiceGraph } from '../../src/query/service-graph.ts';
import { analyseStructure } from '../../src/query/trace-analysis.ts';
import { StoredTrace } from '../../src/store/stored-trace.ts';

const QUEUES = 'https://sqs.us-east-1.amazonaws.com/123456789012';

function traceOf(traceId: string, ...subsegments: Array<Record<string, unknown>>): StoredTrace {
  const trace = new StoredTrace(traceId);
  const doc = {
    trace_id: traceId,
    id: 'a000000000000001',
    name: 'orders',
    start_time: 1,
    end_time: 2,
    subsegments: subsegments.map((s, i) => ({
      id: `b00000000000000${i}`,
      namespace: 'aws',
      start_time: 1,
      end_time: 1.5,
      ...s,
    })),
  };
  trace.add({
    traceId,
    id: doc.id,
    raw: JSON.stringify(doc),
    independent: false,
    startTime: 1,
    endTime: 2,
    receivedAt: 0,
  });
  return trace;
}

const send = (queue: string) => ({ name: 'SQS', aws: { queue_url: `${QUEUES}/${queue}` } });

describe('inferred node names', () => {
  describe('inferred segments', () => {
    it('names them after the subsegment and keeps the resource in the aws block', () => {
      const parts = analyseStructure(traceOf('1-5759e988-bd862e3fe1be46a994272701', send('ship')));
      const inferred = parts.assembled.segments.find((s) => s.inferred);
      expect(inferred?.doc).toMatchObject({
        name: 'SQS',
        origin: 'AWS::SQS::Queue',
        aws: { queue_url: `${QUEUES}/ship` },
      });
      const node = parts.nodes.find((n) => n.inferred);
      expect(node?.id).toMatchObject({ name: 'SQS', names: ['SQS', 'ship'] });
    });
  });

  describe('two queues', () => {
    it('merges them into one SQS node whose Names list both, within a trace', () => {
      const parts = analyseStructure(
        traceOf('1-5759e988-bd862e3fe1be46a994272702', send('ship'), send('bill')),
      );
      const inferred = parts.nodes.filter((n) => n.inferred);
      expect(inferred).toHaveLength(1);
      expect(inferred[0]?.id.names).toEqual(['SQS', 'ship', 'bill']);
      expect(inferred[0]?.segments).toHaveLength(2);
    });

    it('merges them across traces in GetServiceGraph', () => {
      const graph = buildServiceGraph(
        [
          traceOf('1-5759e988-bd862e3fe1be46a994272703', send('ship')),
          traceOf('1-5759e988-bd862e3fe1be46a994272704', send('bill')),
          traceOf('1-5759e988-bd862e3fe1be46a994272705', {
            name: 'DynamoDB',
            aws: { table_name: 'orders' },
          }),
        ].map((t) => graphSamples(analyseStructure(t))),
      );
      const sqs = graph.filter((n) => n.Type === 'AWS::SQS::Queue');
      expect(sqs).toHaveLength(1);
      expect(sqs[0]).toMatchObject({ Name: 'SQS', Names: ['SQS', 'ship', 'bill'] });
      expect(sqs[0]?.SummaryStatistics.TotalCount).toBe(2);
      expect(graph.find((n) => n.Type === 'AWS::DynamoDB::Table')).toMatchObject({
        Name: 'DynamoDB',
        Names: ['DynamoDB', 'orders'],
      });
    });
  });
});
