import { describe, it, expect } from 'vitest';
import { buildTrace, coerceTrace, matchTraceTree, type ExpectedNode } from '../src/index.ts';
import { apiTrace } from './helpers/fixtures.ts';
import { ORDER_FLOW, siblingDocuments } from './helpers/expected-trees.ts';

const orderFlow = buildTrace(apiTrace('order-flow'));
const siblings = coerceTrace(siblingDocuments())!;

describe('matchTraceTree', () => {
  describe('with the whole expected order flow', () => {
    it('passes on the trace it describes', () => {
      expect(matchTraceTree(orderFlow.roots, ORDER_FLOW)).toEqual({ pass: true });
    });

    it('fails on the same flow with faults, naming the first flag that differs', () => {
      const faulty = buildTrace(apiTrace('faulty-flow'));
      const result = matchTraceTree(faulty.roots, ORDER_FLOW);
      expect(result.pass).toBe(false);
      if (!result.pass) expect(result.mismatch.reason).toBe('http.status: expected 200, got 500');
    });
  });

  describe('with a partial description', () => {
    it('ignores properties and children that are not given', () => {
      expect(
        matchTraceTree(orderFlow.roots, { service: 'orders', children: [{ name: 'SNS' }] }).pass,
      ).toBe(true);
      expect(matchTraceTree(orderFlow.roots, {}).pass).toBe(true);
    });

    it('accepts regular expressions for text fields', () => {
      expect(
        matchTraceTree(orderFlow.roots, { service: /^ord/, http: { url: /\/orders$/ } }).pass,
      ).toBe(true);
      expect(matchTraceTree(orderFlow.roots, { service: /^inv/ }).pass).toBe(false);
    });

    it('compares annotations with the given equality', () => {
      const loose = (a: unknown, b: unknown): boolean => String(a) === String(b);
      expect(matchTraceTree(orderFlow.roots, { annotations: { order_id: 'ord-1001' } }).pass).toBe(
        true,
      );
      expect(matchTraceTree(orderFlow.roots, { annotations: { order_id: 'ord-9' } }).pass).toBe(
        false,
      );
      expect(matchTraceTree(orderFlow.roots, { annotations: { missing: 1 } }).pass).toBe(false);
      const nested: ExpectedNode = {
        children: [{ children: [{ children: [{ annotations: { sku_count: '3' } }] }] }],
      };
      expect(matchTraceTree(orderFlow.roots, nested).pass).toBe(false);
      expect(matchTraceTree(orderFlow.roots, nested, { equals: loose }).pass).toBe(true);
    });
  });

  describe('with siblings in any order', () => {
    it('matches children listed in another order than they started', () => {
      const expected = { name: 'api', children: [{ name: 'second' }, { name: 'first' }] };
      expect(matchTraceTree(siblings.roots, expected).pass).toBe(true);
    });

    it('needs one actual child per expected child', () => {
      const two = { name: 'api', children: [{ name: 'second' }, { name: 'second' }] };
      const three = { name: 'api', children: [{ name: 'first' }, { name: 'first' }] };
      expect(matchTraceTree(siblings.roots, two).pass).toBe(true);
      const result = matchTraceTree(siblings.roots, three);
      expect(result.pass).toBe(false);
      if (!result.pass)
        expect(result.mismatch.reason).toBe(
          '"api" has fewer children matching name="first" than the 2 expected',
        );
    });
  });

  describe('with ordered: true', () => {
    it('passes when children are listed in start-time order and all present', () => {
      const expected = {
        name: 'api',
        children: [{ name: 'first' }, { name: 'second' }, { name: 'second' }],
      };
      expect(matchTraceTree(siblings.roots, expected, { ordered: true }).pass).toBe(true);
    });

    it('fails on another order or on extra children', () => {
      const swapped = {
        name: 'api',
        children: [{ name: 'second' }, { name: 'first' }, { name: 'second' }],
      };
      const short = { name: 'api', children: [{ name: 'first' }, { name: 'second' }] };
      const a = matchTraceTree(siblings.roots, swapped, { ordered: true });
      const b = matchTraceTree(siblings.roots, short, { ordered: true });
      expect(a.pass || b.pass).toBe(false);
      if (!a.pass) expect(a.mismatch.reason).toBe('name: expected "second", got "first"');
      if (!b.pass)
        expect(b.mismatch.reason).toBe('"api" has 3 children, expected exactly 2 (ordered)');
    });
  });

  describe('when nothing matches', () => {
    it('reports the deepest partial match', () => {
      const wrong = structuredClone(ORDER_FLOW);
      const deep = wrong.children![0]!.children![0]!.children![0]!.children![0]!;
      deep.name = 'check_stock';
      const result = matchTraceTree(orderFlow.roots, wrong);
      expect(result.pass).toBe(false);
      if (!result.pass) {
        expect(result.mismatch.expected).toBe(deep);
        expect(result.mismatch.actual?.name).toBe('validate_inventory');
        expect(result.mismatch.reason).toBe(
          'name: expected "check_stock", got "validate_inventory"',
        );
      }
    });

    it('names the closest sibling when several could have matched', () => {
      const result = matchTraceTree(siblings.roots, { name: 'api', children: [{ name: 'third' }] });
      expect(result.pass).toBe(false);
      if (!result.pass) {
        expect(result.mismatch.actual?.name).toBe('first');
        expect(result.mismatch.reason).toBe(
          'no child of "api" matches name="third" (closest: name: expected "third", got "first")',
        );
      }
    });

    it('says when a node has no children at all', () => {
      const result = matchTraceTree(siblings.roots, {
        name: 'api',
        children: [{ name: 'first', children: [{}] }],
      });
      expect(result.pass).toBe(false);
      if (!result.pass)
        expect(result.mismatch.reason).toBe('"first" has no children; expected (any node)');
    });
  });
});
