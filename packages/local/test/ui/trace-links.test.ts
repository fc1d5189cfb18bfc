import type { SegmentDocument } from '@otel-xray/core';
import { describe, expect, it } from 'vitest';
import { linkCandidates, linksInto, linksOf } from '../../src/ui/lib/trace-links.ts';

const PRODUCER = '1-6750a000-aaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = '1-6750a000-bbbbbbbbbbbbbbbbbbbbbbbb';
const CONSUMER = '1-6750a010-cccccccccccccccccccccccc';

/** The SQS batch case: one consumer segment whose subsegment links to two producers' spans. */
const consumer: SegmentDocument = {
  name: 'shipping',
  id: 'c000000000000001',
  trace_id: CONSUMER,
  start_time: 1_733_337_616,
  end_time: 1_733_337_617,
  subsegments: [
    {
      name: 'shipping-queue process',
      id: 'c000000000000002',
      start_time: 1_733_337_616.1,
      end_time: 1_733_337_616.9,
      links: [
        { trace_id: PRODUCER, id: 'a000000000000002', attributes: { 'messaging.batch.index': 0 } },
        { trace_id: OTHER, id: 'b000000000000002' },
      ],
    },
  ],
};

describe('trace links', () => {
  describe('linksOf', () => {
    it('lists an entity’s links with their attributes as text', () => {
      expect(linksOf(consumer.subsegments![0]!)).toEqual([
        { traceId: PRODUCER, segmentId: 'a000000000000002', attributes: 'messaging.batch.index=0' },
        { traceId: OTHER, segmentId: 'b000000000000002', attributes: '' },
      ]);
    });

    it('gives nothing for an entity without links and skips malformed ones', () => {
      expect(linksOf(consumer)).toEqual([]);
      const odd = { ...consumer, links: [null, { trace_id: 1, id: 'x' }, 'x'] } as never;
      expect(linksOf(odd)).toEqual([]);
    });
  });

  describe('linksInto', () => {
    it('finds the (sub)segments of other traces that link into a trace', () => {
      expect(linksInto(PRODUCER.toUpperCase(), [consumer])).toEqual([
        {
          traceId: CONSUMER,
          segmentId: 'c000000000000002',
          name: 'shipping-queue process',
          targetId: 'a000000000000002',
        },
      ]);
    });

    it('ignores links within the trace itself and traces without links to it', () => {
      expect(linksInto(CONSUMER, [consumer])).toEqual([]);
      expect(linksInto('1-6750a000-dddddddddddddddddddddddd', [consumer])).toEqual([]);
    });
  });

  describe('linkCandidates', () => {
    const at = (id: string, StartTime: number) => ({ Id: id, StartTime });
    it('keeps traces from a minute before to the horizon after, nearest first, at most max', () => {
      const list = [
        at('self', 100),
        at('far', 5000),
        at('early', 50),
        at('before', 30),
        at('near', 110),
        at('next', 300),
      ];
      expect(linkCandidates(list, 'self', 100)).toEqual(['near', 'early', 'next']);
      expect(linkCandidates(list, 'self', 100, 2)).toEqual(['near', 'early']);
      expect(linkCandidates([{ Id: 'x' }, { StartTime: 100 }], 'self', 100)).toEqual([]);
    });
  });
});
