// Simple keywords, operators, presence semantics, annotations and literals, against the fixtures.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/query/filter/index.ts';
import { matchingIds } from './fixtures/load-traces.ts';

const ALL = ['slow-api', 'fault-api', 'data-plane', 'gateway-only', 'empty'];
const without = (...ids: string[]): string[] => ALL.filter((id) => !ids.includes(id));

function ids(expression: string): string[] {
  const r = compileFilter(expression);
  if (!r.ok) throw new Error(r.message);
  return matchingIds((t) => r.filter.matches(t));
}

const CASES: Record<string, Array<[string, string[]]>> = {
  'boolean keywords': [
    ['ok', ['slow-api', 'gateway-only', 'empty']],
    ['!ok', ['fault-api', 'data-plane']],
    ['ok = false', ['fault-api', 'data-plane']],
    ['ok != true', ['fault-api', 'data-plane']],
    ['fault', ['fault-api', 'data-plane']],
    ['fault = true', ['fault-api', 'data-plane']],
    ['fault = "true"', ['fault-api', 'data-plane']],
    ['fault != false', ['fault-api', 'data-plane']],
    ['error', ['data-plane']],
    ['throttle', ['data-plane']],
    ['partial', ['data-plane']],
    ['!partial', without('data-plane')],
  ],
  'number keywords': [
    ['responsetime', without('empty')],
    ['!duration', ['empty']],
    ['duration < 1.2', ['gateway-only']],
    ['duration <= 1.2', ['fault-api', 'gateway-only']],
    ['duration = 3', ['data-plane']],
    ['duration != 3', ['slow-api', 'fault-api', 'gateway-only']],
    ['responsetime >= 2.5', ['slow-api', 'data-plane']],
    ['responsetime > 2.5', ['slow-api']],
    ['http.status = 429', ['data-plane']],
    ['http.status >= 500', ['fault-api']],
    ['http.status != 200', ['fault-api', 'data-plane', 'gateway-only']],
    ['duration < .1', ['gateway-only']],
    ['duration > -1', without('empty')],
    ['duration < 1e1', without('empty')],
    ['duration >= 7.50', ['slow-api']],
  ],
  'string keywords': [
    ['http.url', without('empty')],
    ['!http.url', ['empty']],
    ['http.url CONTAINS ""', without('empty')],
    ['http.url ENDSWITH "/health"', ['gateway-only']],
    ['http.url = "http://api.example.com/health"', ['gateway-only']],
    ['http.url != "http://api.example.com/health"', ['slow-api', 'fault-api', 'data-plane']],
    ['http.method = "GET"', ['slow-api']],
    ['http.method = "get"', ['data-plane']],
    ['http.useragent BEGINSWITH "curl/"', ['slow-api']],
    ['http.useragent CONTAINS "\\"quoted\\""', ['data-plane']],
    ['http.clientip = "10.0.0.1"', ['slow-api']],
    ['user = "carol"', ['data-plane']],
    ['user != "bob"', ['slow-api', 'data-plane']],
    ['!user', ['fault-api', 'gateway-only', 'empty']],
    ['availabilityzone = "us-east-1a"', ['slow-api']],
    ['instance.id BEGINSWITH "i-"', ['slow-api']],
    ['resource.arn CONTAINS ":instance/"', ['slow-api']],
    ['http.url CONTAINS "API"', []],
  ],
  'case-insensitive keywords and operators': [
    ['FAULT', ['fault-api', 'data-plane']],
    ['Fault = TRUE', ['fault-api', 'data-plane']],
    ['HTTP.URL contains "/v2/"', ['fault-api']],
    ['http.url BeginsWith "https://"', ['data-plane']],
    ['ANNOTATION.gameid', ['slow-api']],
    ['fault and partial', ['data-plane']],
    ['fault AnD partial Or responsetime > 5', ['slow-api', 'data-plane']],
  ],
  annotations: [
    ['annotation.age', ['slow-api', 'data-plane']],
    ['annotation.age = 29', ['slow-api']],
    ['annotation.age = "29"', ['data-plane']],
    ['annotation.age > 20', ['slow-api']],
    ['annotation.age < "3"', ['data-plane']],
    ['annotation.order_id = "x"', ['fault-api', 'data-plane']],
    ['annotation.order_id != "x"', ['data-plane']],
    ['annotation.order_id BEGINSWITH "y"', ['data-plane']],
    ['annotation.cached', ['fault-api']],
    ['annotation.cached = false', ['fault-api']],
    ['annotation.cached = true', []],
    ['annotation.flag = true', ['data-plane']],
    ['annotation.flag != false', ['data-plane']],
    ['annotation.retries >= 3', ['fault-api']],
    ['annotation.retries CONTAINS "3"', []],
    ['annotation.retries = "3"', []],
    ['annotation[a.b] = "dotted"', ['slow-api']],
    ['annotation["a.b"] CONTAINS "dot"', ['slow-api']],
    ['annotation.a.b ENDSWITH "ted"', ['slow-api']],
    ['annotation.GAMEID', []],
    ['annotation.missing = 1', []],
    ['annotation.missing != 1', []],
  ],
  'AND, OR, NOT and precedence': [
    ['fault OR ok AND partial', ['fault-api', 'data-plane']],
    ['(fault OR ok) AND partial', ['data-plane']],
    ['!fault AND ok', ['slow-api', 'gateway-only', 'empty']],
    ['!(fault AND partial)', without('data-plane')],
    ['!fault OR partial', without('fault-api')],
    ['NOT fault', ['slow-api', 'gateway-only', 'empty']],
    ['not not fault', ['fault-api', 'data-plane']],
    ['!!fault', ['fault-api', 'data-plane']],
    ['!responsetime > 5', without('slow-api')],
    ['ok responsetime > 5', ['slow-api']],
    ['fault partial OR ok duration > 7', ['slow-api', 'data-plane']],
    ['((fault))', ['fault-api', 'data-plane']],
    ['ok OR fault OR partial OR error', ALL],
    ['ok AND fault', []],
  ],
};

describe('compileFilter', () => {
  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      it.each(cases)('%s', (expression, expected) => {
        expect(ids(expression)).toEqual(expected);
      });
    });
  }

  describe('syntax tree', () => {
    it('binds AND tighter than OR', () => {
      const r = compileFilter('ok OR fault AND partial');
      expect(r.ok && r.filter.ast).toMatchObject({
        kind: 'or',
        operands: [{ kind: 'test', keyword: 'ok' }, { kind: 'and' }],
      });
    });

    it('binds ! tighter than AND', () => {
      const r = compileFilter('!ok fault');
      expect(r.ok && r.filter.ast).toMatchObject({
        kind: 'and',
        operands: [{ kind: 'not', pos: 0, operand: { kind: 'test', pos: 1 } }, { pos: 4 }],
      });
    });

    it('records 0-based positions on every node', () => {
      const r = compileFilter('ok AND annotation.x = 1');
      expect(r.ok && r.filter.ast).toMatchObject({ operands: [{ pos: 0 }, { pos: 7, key: 'x' }] });
    });

    it('decodes string escapes', () => {
      const r = compileFilter('user = "a\\\\b\\n\\t\\u00e9\\/\\q\\""');
      expect(r.ok && r.filter.ast).toMatchObject({ value: { value: 'a\\b\n\té/q"' } });
    });

    it('keeps the case of string values and annotation keys', () => {
      const r = compileFilter('annotation.OrderId = "AbC"');
      expect(r.ok && r.filter.ast).toMatchObject({ key: 'OrderId', value: { value: 'AbC' } });
    });
  });

  describe('blank expression', () => {
    it('matches every trace', () => {
      const r = compileFilter('   ');
      expect(r.ok && matchingIds((t) => r.filter.matches(t))).toEqual(ALL);
    });
  });

  describe('long expressions', () => {
    it('evaluates a 5,000-term OR chain without deep recursion', () => {
      const r = compileFilter(
        Array.from({ length: 5000 }, (_, i) => `duration = ${i + 1000}`).join(' OR ') + ' OR fault',
      );
      expect(r.ok && matchingIds((t) => r.filter.matches(t))).toEqual(['fault-api', 'data-plane']);
    });
  });

  describe('facts that break the contract', () => {
    it('returns false instead of throwing', () => {
      const r = compileFilter('annotation.x = 1');
      expect(r.ok && r.filter.matches({} as never)).toBe(false);
    });
  });
});
