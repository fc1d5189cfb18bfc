// EntitySelectorExpression (GetTimeSeriesServiceStatistics): id()/service()/edge() only.
import { describe, expect, it } from 'vitest';
import { compileEntitySelector, type NodeIdentity } from '../../../src/query/filter/index.ts';

const FN: NodeIdentity = {
  name: 'orders',
  names: ['orders', 'orders-fn'],
  type: 'AWS::Lambda::Function',
  accountId: '1',
};
const SVC: NodeIdentity = { name: 'orders', type: 'AWS::Lambda' };
const QUEUE: NodeIdentity = { name: 'q', type: 'AWS::SQS::Queue' };

function select(expression: string) {
  const r = compileEntitySelector(expression);
  if (!r.ok) throw new Error(r.message);
  return r.selector;
}

describe('compileEntitySelector', () => {
  describe('service selectors', () => {
    it('selects nodes by name, including aliases', () => {
      const s = select('service("orders-fn")');
      expect(s.kind).toBe('service');
      expect([s.selectsService(FN), s.selectsService(SVC), s.selectsEdge(FN, QUEUE)]).toEqual([
        true,
        false,
        false,
      ]);
    });

    it('separates same-name nodes with id()', () => {
      const s = select('id(name: "orders", type: "AWS::Lambda")');
      expect([s.selectsService(FN), s.selectsService(SVC)]).toEqual([false, true]);
      expect(select('service(id(account.id: "1"))').selectsService(FN)).toBe(true);
    });

    it('selects every node with service()', () => {
      expect(select('service()').selectsService(QUEUE)).toBe(true);
    });

    it('combines terms with OR and NOT', () => {
      const s = select('service("q") OR !service("orders")');
      expect([
        s.selectsService(QUEUE),
        s.selectsService(FN),
        s.selectsService({ name: 'x' }),
      ]).toEqual([true, false, true]);
    });
  });

  describe('edge selectors', () => {
    it('selects the edge between two nodes', () => {
      const s = select('edge("orders", id(type: "AWS::SQS::Queue"))');
      expect(s.kind).toBe('edge');
      expect([s.selectsEdge(FN, QUEUE), s.selectsEdge(QUEUE, FN), s.selectsService(FN)]).toEqual([
        true,
        false,
        false,
      ]);
    });

    it('reports a mix of service and edge terms', () => {
      const s = select('service("q") OR edge("orders", "q")');
      expect(s.kind).toBe('mixed');
      expect([s.selectsService(QUEUE), s.selectsEdge(SVC, QUEUE)]).toEqual([true, true]);
    });
  });

  describe('invalid selectors', () => {
    it.each([
      [
        'fault',
        0,
        'only id(), service() and edge() are allowed in an entity selector, found fault',
      ],
      ['service("a") { fault }', 13, 'blocks are not allowed in an entity selector'],
      [
        'annotation.x = 1',
        0,
        'only id(), service() and edge() are allowed in an entity selector, found annotation.x',
      ],
      ['id()', 0, 'id() needs at least one of name, type or account.id'],
      ['', 0, 'the entity selector must be 1 to 500 characters'],
      [`service("${'a'.repeat(500)}")`, 0, 'the entity selector must be 1 to 500 characters'],
    ])('%s', (expression, position, message) => {
      expect(compileEntitySelector(expression)).toEqual({
        ok: false,
        position,
        message: `${message} at position ${position}`,
      });
    });
  });
});
