import { describe, it, expect } from 'vitest';
import { buildTrace } from '../src/index.ts';
import { describeNode } from '../src/trace/print-tree.ts';
import type { TraceNode } from '../src/trace/types.ts';
import { apiTrace } from './helpers/fixtures.ts';

describe('Trace.print', () => {
  describe('with the order flow', () => {
    it('renders an indented tree with kinds, calls, HTTP and durations', () => {
      expect(buildTrace(apiTrace('order-flow')).print()).toMatchSnapshot();
    });
  });

  describe('with faults, errors and throttles', () => {
    it('marks each flagged node', () => {
      const text = buildTrace(apiTrace('faulty-flow')).print();
      expect(text).toMatchSnapshot();
      expect(text).toContain('[ERROR][THROTTLE]');
      expect(text).toContain('→ 500  50.0 ms  [FAULT]');
    });
  });

  describe('with a missing segment', () => {
    it('says how many segments lost their parent', () => {
      expect(buildTrace(apiTrace('broken-flow')).print()).toContain(
        '! 1 segment whose parent is missing',
      );
    });
  });

  describe('with an inferred node', () => {
    it('prints the call path once: on the caller, not again on the inferred node', () => {
      const http = {
        request: { method: 'POST', url: 'http://127.0.0.1:4566/queue/us-east-1/0/shipping' },
        response: { status: 200 },
      };
      const call = {
        name: 'SQS',
        kind: 'subsegment',
        namespace: 'aws',
        aws: { operation: 'SendMessage' },
        http,
        durationMs: 14.9,
      };
      const queue = {
        ...call,
        name: 'shipping',
        kind: 'segment',
        inferred: true,
        origin: 'AWS::SQS::Queue',
        namespace: undefined,
      };
      expect(describeNode(call as unknown as TraceNode)).toBe(
        'SQS  aws SendMessage  POST /queue/us-east-1/0/shipping → 200  14.9 ms',
      );
      expect(describeNode(queue as unknown as TraceNode)).toBe(
        '◇ shipping  AWS::SQS::Queue (inferred)  SendMessage  → 200  14.9 ms',
      );
    });
  });
});
