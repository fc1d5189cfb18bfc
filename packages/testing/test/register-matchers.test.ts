import { describe, it, expect } from 'vitest';
import { buildTrace, registerMatchers } from '../src/index.ts';
import { apiTrace, fixture, sentDocuments, serviceGraph } from './helpers/fixtures.ts';
import { ORDER_FLOW } from './helpers/expected-trees.ts';

registerMatchers();

const orderFlow = buildTrace(apiTrace('order-flow'));
const faultyFlow = buildTrace(apiTrace('faulty-flow'));
const brokenFlow = buildTrace(apiTrace('broken-flow'));

/** The message an assertion throws. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('registerMatchers', () => {
  describe('toHaveTraceTree', () => {
    it('passes on the whole order flow, from a Trace or a BatchGetTraces output', () => {
      expect(orderFlow).toHaveTraceTree(ORDER_FLOW);
      expect(fixture('order-flow.batch-get-traces.json')).toHaveTraceTree(ORDER_FLOW);
    });

    it('passes on the documents as the services sent them (no inferred nodes yet)', () => {
      expect(sentDocuments()).toHaveTraceTree({
        service: 'orders',
        children: [{ name: 'SNS', children: [{ service: 'inventory' }] }],
      });
    });

    it('accepts vitest asymmetric matchers', () => {
      expect(orderFlow).toHaveTraceTree({
        name: expect.stringMatching(/^ord/),
        annotations: { order_id: expect.any(String) },
      });
    });

    it('shows both trees side by side with the first mismatch marked', () => {
      const message = failure(() => expect(faultyFlow).toHaveTraceTree(ORDER_FLOW));
      expect(message).toMatchSnapshot();
    });

    it('explains an ordered mismatch', () => {
      const expected = { service: 'orders', children: [{ name: 'SNS' }, { name: 'SQS' }] };
      expect(
        failure(() => expect(orderFlow).toHaveTraceTree(expected, { ordered: true })),
      ).toMatchSnapshot();
    });

    it('supports .not', () => {
      expect(faultyFlow).not.toHaveTraceTree(ORDER_FLOW);
      expect(failure(() => expect(orderFlow).not.toHaveTraceTree({ service: 'orders' }))).toContain(
        'not to have this tree',
      );
    });

    it('rejects values that are not traces', () => {
      expect(failure(() => expect(42).toHaveTraceTree({}))).toContain('expected a Trace');
    });
  });

  describe('toHaveServiceGraphEdge', () => {
    it('finds edges in a GetServiceGraph output by name or type', () => {
      const graph = serviceGraph();
      expect(graph).toHaveServiceGraphEdge('orders', 'SNS');
      expect(graph).toHaveServiceGraphEdge('client', 'orders', { minCount: 2 });
      expect(graph).toHaveServiceGraphEdge('AWS::SQS::Queue', { name: 'shipping', type: '' });
      expect(graph).toHaveServiceGraphEdge('shipping', 'orders', { fault: true });
      expect(graph).toHaveServiceGraphEdge('orders', 'AWS::SNS', { fault: false });
      expect(graph).not.toHaveServiceGraphEdge('orders', 'AWS::SQS::Queue');
    });

    it("finds edges in a trace's own graph", () => {
      expect(orderFlow).toHaveServiceGraphEdge('inventory', { type: 'AWS::SQS::Queue' });
      expect(faultyFlow).toHaveServiceGraphEdge('shipping', 'orders', { fault: true });
      expect(orderFlow).not.toHaveServiceGraphEdge('shipping', 'orders', { fault: true });
    });

    it('lists the edges it saw when one is missing', () => {
      expect(
        failure(() => expect(serviceGraph()).toHaveServiceGraphEdge('orders', 'AWS::SQS::Queue')),
      ).toMatchSnapshot();
    });

    it('says when an edge has too few calls', () => {
      const message = failure(() =>
        expect(orderFlow).toHaveServiceGraphEdge('orders', 'AWS::SNS', { minCount: 3 }),
      );
      expect(message).toContain('it has 1 call(s), expected at least 3');
    });
  });

  describe('toHaveAnnotation', () => {
    it('finds an annotation on any node of a trace', () => {
      expect(orderFlow).toHaveAnnotation('carrier', 'ups');
      expect(orderFlow).toHaveAnnotation('in_stock');
      expect(orderFlow).toHaveAnnotation('sku_count', expect.any(Number));
      expect(orderFlow).not.toHaveAnnotation('carrier', 'fedex');
    });

    it('checks a single node when given one', () => {
      const shipping = orderFlow.nodes.find((n) => n.name === 'shipping' && !n.inferred)!;
      expect(shipping).toHaveAnnotation('carrier', 'ups');
      expect(shipping).not.toHaveAnnotation('sku_count');
    });

    it('lists where the key was found when the value differs', () => {
      expect(
        failure(() => expect(orderFlow).toHaveAnnotation('order_id', 'ord-2')),
      ).toMatchSnapshot();
    });
  });

  describe('toBeOneTrace', () => {
    it('passes when every parent link resolves', () => {
      expect(orderFlow).toBeOneTrace();
      expect(sentDocuments()).toBeOneTrace();
    });

    it('names the segment whose parent is missing', () => {
      expect(failure(() => expect(brokenFlow).toBeOneTrace())).toMatchSnapshot();
    });

    it('fails when segments carry different trace IDs', () => {
      const docs = sentDocuments();
      docs[4] = { ...docs[4], trace_id: '1-6743a1f0-ffffffffffffffffffffffff' };
      expect(failure(() => expect(docs).toBeOneTrace())).toContain('segments carry 2 trace IDs');
    });
  });
});
