// Every example of spec/xray-protocol.md §6.3 (and the Developer Guide's), against the fixtures.
import { describe, expect, it } from 'vitest';
import { compileFilter, type FilterContext } from '../../../src/query/filter/index.ts';
import { matchingIds } from './fixtures/load-traces.ts';

const groups: FilterContext = {
  resolveGroup: (ref) =>
    ref.by === 'name' && ref.value === 'high_response_time'
      ? { name: 'high_response_time', filterExpression: 'responsetime > 5' }
      : undefined,
};

const EXAMPLES: Array<[expression: string, matching: string[]]> = [
  ['responsetime > 5', ['slow-api']],
  ['duration >= 5 AND duration <= 8', ['slow-api']],
  ['http.url CONTAINS "/api/game/"', ['slow-api']],
  ['user CONTAINS ""', ['slow-api', 'data-plane']],
  ['annotation.gameid = "817DL6VO"', ['slow-api']],
  ['!annotation.age', ['fault-api', 'gateway-only', 'empty']],
  ['service("api.example.com") { fault }', ['fault-api']],
  ['edge("api.example.com", "backend.example.com") { error }', ['slow-api']],
  [
    'http.url BEGINSWITH "http://api.example.com/" AND !service("api.example.com")',
    ['gateway-only'],
  ],
  ['service(id(name: "random-name", type: "AWS::Lambda::Function")) { error }', ['fault-api']],
  ['service("data-plane") { root = true and fault = true }', ['data-plane']],
  ['group.name = "high_response_time" AND user = "alice"', ['slow-api']],
  ['rootcause.responsetime.entity { last and coverage > 0.8 }', ['data-plane']],
  // Developer Guide examples
  ['ok !partial duration <3', ['gateway-only']],
  [
    'service("api.example.com") { fault = true OR responsetime > 2.5 } AND annotation.order_id = "x"',
    ['fault-api'],
  ],
  ['edge("api.example.com", "backend.example.com") { fault = true }', []],
  [
    'http.url BEGINSWITH "http://api.example.com/" AND http.url CONTAINS "/v2/" AND !service("api.example.com")',
    [],
  ],
];

describe('compileFilter', () => {
  describe('spec §6.3 examples', () => {
    it.each(EXAMPLES)('%s', (expression, matching) => {
      const r = compileFilter(expression, groups);
      if (!r.ok) throw new Error(r.message);
      expect(matchingIds((t) => r.filter.matches(t))).toEqual(matching);
    });
  });
});
