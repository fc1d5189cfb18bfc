import type { SegmentDocument } from '@otel-xray/core';
import { describe, expect, it } from 'vitest';
import { linkEdges, missingLinkTargets, withLinkEdges } from '../../src/ui/lib/link-edges.ts';
import type { MapNode, ServiceMap } from '../../src/ui/lib/service-map-model.ts';

const PRODUCER = '1-6750a000-aaaaaaaaaaaaaaaaaaaaaaaa';
const CONSUMER = '1-6750a010-cccccccccccccccccccccccc';
const QUEUE = 'http://sqs.us-east-1.localhost:4566/000000000000/shipping-queue';

function node(key: string, name: string, kind: MapNode['kind'], extra: Partial<MapNode> = {}) {
  const counts = { total: 1, ok: 1, error: 0, throttle: 0, fault: 0 };
  return {
    key,
    name,
    label: name,
    resources: [],
    type: '',
    kind,
    root: false,
    counts,
    status: 'ok',
    meanSeconds: 0.1,
    ...extra,
  } satisfies MapNode;
}

const nodes: MapNode[] = [
  node('0', 'client', 'client'),
  node('1', 'orders', 'service', { type: 'AWS::ECS::Container' }),
  node('2', 'SQS', 'inferred', { type: 'AWS::SQS::Queue', resources: ['billing-queue'] }),
  node('3', 'SQS', 'inferred', { type: 'AWS::SQS::Queue', resources: ['shipping-queue'] }),
  node('4', 'shipping-worker', 'service', { type: 'AWS::Lambda::Function' }),
  node('5', 'shipping-worker', 'service', { type: 'AWS::Lambda' }),
];

/** The producer: `orders` sending to the shipping queue (the SendMessage span is linked). */
const producer: SegmentDocument = {
  name: 'orders',
  id: 'a000000000000001',
  trace_id: PRODUCER,
  start_time: 1_733_337_600,
  end_time: 1_733_337_601,
  origin: 'AWS::ECS::Container',
  subsegments: [
    {
      name: 'SQS',
      id: 'a000000000000002',
      namespace: 'aws',
      start_time: 1_733_337_600.5,
      end_time: 1_733_337_600.6,
      aws: { operation: 'SendMessage', queue_url: QUEUE },
    },
  ],
};

function consumerLinkingTo(segmentId: string, traceId = PRODUCER): SegmentDocument {
  return {
    name: 'shipping-worker',
    id: 'c000000000000001',
    trace_id: CONSUMER,
    start_time: 1_733_337_616,
    end_time: 1_733_337_617,
    origin: 'AWS::Lambda::Function',
    subsegments: [
      {
        name: 'shipping-queue process',
        id: 'c000000000000002',
        start_time: 1_733_337_616.1,
        end_time: 1_733_337_616.9,
        links: [{ trace_id: traceId, id: segmentId }],
      },
    ],
  };
}

describe('link edges', () => {
  describe('linkEdges', () => {
    it('joins the linked SendMessage’s queue node to the consumer’s service node', () => {
      const docs = [producer, consumerLinkingTo('a000000000000002')];
      expect(linkEdges(nodes, docs)).toEqual([{ from: '3', to: '4', count: 1 }]);
    });

    it('starts at the producer’s service when the linked span is its segment', () => {
      const docs = [producer, consumerLinkingTo('a000000000000001')];
      expect(linkEdges(nodes, docs)).toEqual([{ from: '1', to: '4', count: 1 }]);
    });

    it('counts several links between the same nodes as one edge', () => {
      const twice = consumerLinkingTo('a000000000000002');
      twice.subsegments![0]!.links!.push({ trace_id: PRODUCER, id: 'a000000000000002' });
      expect(linkEdges(nodes, [producer, twice])).toEqual([{ from: '3', to: '4', count: 2 }]);
    });

    it('compares IDs without regard to case', () => {
      const docs = [producer, consumerLinkingTo('A000000000000002', PRODUCER.toUpperCase())];
      expect(linkEdges(nodes, docs)).toEqual([{ from: '3', to: '4', count: 1 }]);
    });

    it('leaves out links to spans not read and to nodes the map lacks', () => {
      expect(linkEdges(nodes, [consumerLinkingTo('a000000000000002')])).toEqual([]);
      expect(linkEdges(nodes, [producer, consumerLinkingTo('a0000000000000ff')])).toEqual([]);
      const noQueue = nodes.filter((n) => n.kind !== 'inferred');
      expect(linkEdges(noQueue, [producer, consumerLinkingTo('a000000000000002')])).toEqual([]);
    });

    it('leaves out links within one trace', () => {
      const self = consumerLinkingTo('c000000000000001', CONSUMER);
      expect(linkEdges(nodes, [self])).toEqual([]);
    });
  });

  describe('missingLinkTargets', () => {
    it('names linked traces that were not read, at most `max`', () => {
      const docs = [consumerLinkingTo('a000000000000002')];
      expect(missingLinkTargets(docs, 5)).toEqual([PRODUCER]);
      expect(missingLinkTargets(docs, 0)).toEqual([]);
      expect(missingLinkTargets([producer, ...docs], 5)).toEqual([]);
    });
  });

  describe('withLinkEdges', () => {
    const map: ServiceMap = {
      nodes,
      edges: [
        {
          from: '1',
          to: '3',
          counts: nodes[1]!.counts,
          status: 'ok',
          meanSeconds: 0.1,
          edgeType: undefined,
        },
      ],
    };

    it('adds link edges marked `link`, with their count as ok calls', () => {
      const next = withLinkEdges(map, [{ from: '3', to: '4', count: 2 }]);
      expect(next.edges).toHaveLength(2);
      expect(next.edges[1]).toEqual({
        from: '3',
        to: '4',
        counts: { total: 2, ok: 2, error: 0, throttle: 0, fault: 0 },
        status: 'ok',
        meanSeconds: undefined,
        edgeType: 'link',
      });
    });

    it('keeps the map as it is when a pair already has an edge or there are no links', () => {
      expect(withLinkEdges(map, [{ from: '1', to: '3', count: 1 }])).toBe(map);
      expect(withLinkEdges(map, [])).toBe(map);
    });
  });
});
