// Property-style: 10,000 random strings (seeded) never throw and always give a result object.
import { describe, expect, it } from 'vitest';
import { compileEntitySelector, compileFilter } from '../../../src/query/filter/index.ts';
import { TRACES } from './fixtures/load-traces.ts';
import { seededRandom as prng } from '../../../../core/test/support/seeded-random.ts';

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

const STR = ['"x"', '""', '"api.example.com"', '"a\\"b"'];
const pick = <T>(rand: () => number, xs: readonly T[]): T =>
  xs[Math.floor(rand() * xs.length)] as T;

/** A random expression from the grammar: every one must compile. */
function grammarExpression(
  rand: () => number,
  depth: number,
  scope: 'trace' | 'block' | 'rootcause',
): string {
  const r = rand();
  if (depth > 0 && r < 0.25) {
    const op = pick(rand, [' AND ', ' OR ', ' and ', ' ', ' Or ']);
    return `${grammarExpression(rand, depth - 1, scope)}${op}${grammarExpression(rand, depth - 1, scope)}`;
  }
  if (depth > 0 && r < 0.35) return `(${grammarExpression(rand, depth - 1, scope)})`;
  if (depth > 0 && r < 0.45)
    return `${pick(rand, ['!', 'NOT ', '! '])}${grammarExpression(rand, depth - 1, scope)}`;
  if (scope === 'rootcause') {
    return pick(rand, [
      'first',
      'last',
      'remote',
      'inferred',
      `name = ${pick(rand, STR)}`,
      `type CONTAINS ${pick(rand, STR)}`,
      `message ENDSWITH ${pick(rand, STR)}`,
      'index > 0',
      'coverage <= 0.5',
      'coverage',
    ]);
  }
  const simple = [
    'ok',
    'fault = true',
    'error != false',
    'throttle',
    'partial',
    'duration >= 1.5',
    'responsetime',
    'http.status = 200',
    `http.url BEGINSWITH ${pick(rand, STR)}`,
    `user CONTAINS ${pick(rand, STR)}`,
    `availabilityzone = ${pick(rand, STR)}`,
    'instance.id',
    `resource.arn != ${pick(rand, STR)}`,
  ];
  if (scope === 'block') return pick(rand, [...simple, 'root', 'inferred = false']);
  if (depth === 0 || rand() < 0.6) {
    return pick(rand, [
      ...simple,
      'annotation.k',
      `annotation[a.b] = ${pick(rand, STR)}`,
      'annotation.n > 2',
    ]);
  }
  const sel = pick(rand, [
    '',
    '"api.example.com"',
    'id(type: "AWS::Lambda")',
    'id(name: "x", account.id: "1")',
  ]);
  const block = (s: 'block' | 'rootcause'): string =>
    rand() < 0.3 ? '' : ` { ${grammarExpression(rand, depth - 1, s)} }`;
  return pick(rand, [
    `service(${sel})${block('block')}`,
    `edge("a", ${sel || '"b"'})${block('block')}`,
    `rootcause.${pick(rand, ['fault', 'error'])}.${pick(rand, ['service', 'entity', 'exception'])}${block('rootcause')}`,
    `rootcause.responsetime.${pick(rand, ['service', 'entity'])}${block('rootcause')}`,
    'rootcause.json = #[{"Services": [{"Name": "api.example.com"}]}]',
  ]);
}

describe('compileFilter', () => {
  describe('random grammar expressions', () => {
    it('compiles 2,000 seeded expressions from the grammar and evaluates them', () => {
      const rand = prng(0xbeef);
      for (let i = 0; i < 2_000; i++) {
        const expression = grammarExpression(rand, 4, 'trace');
        const r = compileFilter(expression);
        if (!r.ok) throw new Error(`${expression}: ${r.message}`);
        for (const t of TRACES) expect(typeof r.filter.matches(t)).toBe('boolean');
      }
    });
  });

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
