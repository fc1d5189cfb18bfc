// Property-style: 10,000 random strings (seeded) never throw and always give a result object.
import { describe, expect, it } from 'vitest';
import { compileEntitySelector, compileFilter } from '../../../src/query/filter/index.ts';
import { TRACES } from './fixtures/load-traces.ts';

/** mulberry32: small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'service',
  'edge',
  'id',
  'annotation.',
  'annotation[',
  'rootcause.',
  'fault',
  'error',
  'ok',
  'root',
  'responsetime',
  'http.url',
  'user',
  'group.name',
  'rootcause.json',
  'rootcause.fault.entity',
  'AND',
  'OR',
  'NOT',
  'CONTAINS',
  'name',
  'type',
  'account.id',
  'true',
  'false',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '!',
  '=',
  '!=',
  '<',
  '>=',
  '"',
  '"x"',
  '\\',
  '#',
  '#[',
  '{"Services":[',
  '5',
  '-1.5e3',
  '.',
  ' ',
  ' ',
  ' ',
  '\n',
  'é',
  '😀',
  '\u0000',
];

function randomExpression(rand: () => number): string {
  const n = Math.floor(rand() * 24);
  let s = '';
  for (let i = 0; i < n; i++) {
    s +=
      rand() < 0.8
        ? (PIECES[Math.floor(rand() * PIECES.length)] as string)
        : String.fromCharCode(Math.floor(rand() * 128));
  }
  return s;
}

describe('compileFilter', () => {
  describe('random input', () => {
    it('never throws on 10,000 seeded random strings', () => {
      const rand = prng(0x5eed);
      let compiled = 0;
      for (let i = 0; i < 10_000; i++) {
        const expression = randomExpression(rand);
        const r = compileFilter(expression, {
          resolveGroup: () => ({ name: 'g', filterExpression: expression }),
        });
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) {
          compiled++;
          for (const t of TRACES) expect(typeof r.filter.matches(t)).toBe('boolean');
        } else {
          expect(r.position).toBeGreaterThanOrEqual(0);
          expect(r.position).toBeLessThanOrEqual(expression.length);
          expect(r.message.endsWith(` at position ${r.position}`)).toBe(true);
          expect(r.message).not.toContain('internal error');
        }
        const s = compileEntitySelector(expression);
        expect(typeof s.ok).toBe('boolean');
      }
      expect(compiled).toBeGreaterThan(0);
    });
  });
});
