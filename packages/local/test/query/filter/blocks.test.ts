// service()/edge()/id() blocks, rootcause blocks and rootcause.json, against the fixtures.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/query/filter/index.ts';
import { matchingIds } from './fixtures/load-traces.ts';

function ids(expression: string): string[] {
  const r = compileFilter(expression);
  if (!r.ok) throw new Error(r.message);
  return matchingIds((t) => r.filter.matches(t));
}

const json = (pattern: unknown): string => `rootcause.json = #${JSON.stringify(pattern)}`;

const CASES: Record<string, Array<[string, string[]]>> = {
  'service()': [
    ['service("api.example.com")', ['slow-api', 'fault-api']],
    ['!service()', ['empty']],
    ['service() { fault }', ['fault-api', 'data-plane']],
    ['service() { inferred }', ['slow-api', 'data-plane']],
    ['service() { !inferred AND !root }', ['fault-api', 'data-plane']],
    ['service() { root and fault }', ['fault-api', 'data-plane']],
    ['service() { root = false and ok }', ['fault-api', 'data-plane']],
    ['service("backend") { error }', ['slow-api']],
    ['service("backend.example.com") { http.status = 404 }', ['slow-api']],
    ['service() { responsetime > 2 }', ['slow-api', 'data-plane']],
    ['service() { duration }', []],
    ['service() { !(ok OR fault) }', ['slow-api', 'fault-api', 'data-plane']],
    ['service("data-plane") { fault } service("inventory") { ok }', ['data-plane']],
    [
      'service("api.example.com") { root } AND service("backend.example.com") { inferred }',
      ['slow-api'],
    ],
    ['SERVICE("gateway") { OK }', ['gateway-only']],
  ],
  'id()': [
    ['service(id(type: "AWS::Lambda"))', ['fault-api']],
    ['service(id(account.id: "210987654321"))', ['fault-api']],
    ['service(id(name: "random-name", type: "AWS::Lambda")) { error }', []],
    ['service(id(name: "random-name", type: "AWS::Lambda::Function")) { error }', ['fault-api']],
    ['service(id(NAME: "gateway"))', ['gateway-only']],
    [
      'service(id(type: "AWS::EC2::Instance", account.id: "123456789012")) { root }',
      ['slow-api', 'fault-api'],
    ],
    ['service(id(type: "AWS::SQS::Queue")) { throttle and inferred }', ['data-plane']],
  ],
  'edge()': [
    ['edge("api.example.com", "random-name")', ['fault-api']],
    ['edge("data-plane", "inventory") { duration = 2 }', ['data-plane']],
    ['edge("data-plane", "inventory") { http.url CONTAINS "reserve" }', ['data-plane']],
    ['edge(id(type: "client"), "api.example.com") { root }', ['fault-api']],
    ['edge("inventory", id(type: "AWS::SQS::Queue")) { throttle and inferred }', ['data-plane']],
    ['edge("api.example.com", "backend") { !root and responsetime < 1 }', ['slow-api']],
    ['edge("inventory", "data-plane")', []],
    [
      '!edge("api.example.com", "backend.example.com")',
      ['fault-api', 'data-plane', 'gateway-only', 'empty'],
    ],
  ],
  'rootcause blocks': [
    ['rootcause.fault.service { name = "api.example.com" }', ['fault-api']],
    ['rootcause.fault.service', ['fault-api']],
    ['!rootcause.fault.service', ['slow-api', 'data-plane', 'gateway-only', 'empty']],
    ['rootcause.fault.service { message CONTAINS "boom" }', ['fault-api']],
    ['rootcause.fault.entity { name = "handler" and last }', ['fault-api']],
    ['rootcause.fault.entity { first and name = "handler" }', []],
    ['rootcause.fault.entity { index = 1 }', ['fault-api']],
    ['rootcause.fault.entity { type = "AWS::EC2::Instance" and first }', ['fault-api']],
    [
      'rootcause.fault.exception { name = "NullPointerException" and message CONTAINS "boom" }',
      ['fault-api'],
    ],
    [
      'rootcause.fault.exception { message ENDSWITH "line 3" and first and last and index = 0 }',
      ['fault-api'],
    ],
    ['rootcause.fault.exception { !remote and !inferred }', ['fault-api']],
    ['rootcause.error.entity { remote and message = "bad input" }', ['fault-api']],
    ['rootcause.error.service { type = "AWS::Lambda::Function" and !inferred }', ['fault-api']],
    ['rootcause.error.service { remote }', ['fault-api']],
    ['rootcause.error.exception { name }', []],
    ['rootcause.responsetime.service { coverage = 1 and first and last }', ['data-plane']],
    ['rootcause.responsetime.entity { remote and coverage >= 0.9 }', ['data-plane']],
    ['rootcause.responsetime.entity { name = "db-call" and !first }', ['data-plane']],
    ['rootcause.responsetime.entity { coverage > 1 }', []],
    ['RootCause.Fault.Service { NAME = "api.example.com" }', ['fault-api']],
  ],
  'rootcause.json': [
    [json([{ Services: [{ Name: 'api.example.com' }] }]), ['fault-api']],
    [
      json([
        {
          Services: [
            {
              Name: 'api.example.com',
              EntityPath: [
                { Name: 'api.example.com' },
                { Name: 'handler', Exceptions: [{ Name: 'NullPointerException' }] },
              ],
            },
          ],
        },
      ]),
      ['fault-api'],
    ],
    [
      json([
        {
          Services: [
            {
              Name: 'api.example.com',
              EntityPath: [{ Name: 'handler' }, { Name: 'api.example.com' }],
            },
          ],
        },
      ]),
      [],
    ],
    [
      json([
        {
          services: [
            { name: 'data-plane', entitypath: [{ Name: 'db-call', Coverage: 0.9, Remote: true }] },
          ],
        },
      ]),
      ['data-plane'],
    ],
    [
      json([
        {
          Services: [
            {
              Name: 'random-name',
              Type: 'AWS::Lambda::Function',
              AccountId: '210987654321',
              Inferred: false,
            },
          ],
          ClientImpacting: true,
        },
      ]),
      ['fault-api'],
    ],
    [json([{ Services: [{ Names: ['data-plane'] }] }]), ['data-plane']],
    [json([{ Services: [{ Name: 'nope' }] }]), []],
    [json([{ Services: [{ Name: 'api.example.com' }, { Name: 'random-name' }] }]), []],
    [
      json([
        {
          Services: [
            { Name: 'handler', EntityPath: [{ Exceptions: [{ Message: 'boom at line 3' }] }] },
          ],
        },
      ]),
      [],
    ],
    [
      json([{ Services: [{ EntityPath: [{ Exceptions: [{ Message: 'boom at line 3' }] }] }] }]),
      ['fault-api'],
    ],
    [json([]), ['fault-api', 'data-plane']],
    [json([{}]), ['fault-api', 'data-plane']],
    [
      'rootcause.json = # [ { "Services" : [ { "Name" : "data-plane" } ] } ] AND partial',
      ['data-plane'],
    ],
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
});
