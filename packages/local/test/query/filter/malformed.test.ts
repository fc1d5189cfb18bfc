// Malformed expressions: each yields { ok: false } with a 0-based position and a clear message.
import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilter } from '../../../src/query/filter/index.ts';

const MALFORMED: Array<[expression: string, position: number, message: string | RegExp]> = [
  ['user CONTAINS', 13, 'expected a string after CONTAINS'],
  ['http.url CONTAINS 5', 18, 'expected a string after CONTAINS'],
  ['responsetime > "5"', 15, 'expected a number after >'],
  ['responsetime >', 14, 'expected a number after >'],
  [
    'responsetime CONTAINS "5"',
    13,
    "operator CONTAINS does not apply to the number keyword 'responsetime'",
  ],
  ['user > "a"', 5, "operator > does not apply to the string keyword 'user'"],
  ['fault = yes', 8, 'expected true or false after = but found yes'],
  ['fault = ', 8, 'expected true or false after = but found the end of the expression'],
  ['fault < true', 6, "operator < does not apply to the boolean keyword 'fault'"],
  ['fault AND', 9, 'expected an expression after AND'],
  ['fault OR', 8, 'expected an expression after OR'],
  ['AND fault', 0, 'expected an expression before AND'],
  ['fault AND OR ok', 10, 'expected an expression after AND'],
  ['NOT', 3, "expected a keyword or '(' but found the end of the expression"],
  ['(fault', 6, "expected ')' to close '(' but found the end of the expression"],
  ['fault)', 5, "unexpected ')'"],
  ['()', 1, "expected an expression inside '( )'"],
  ['service("a") {}', 14, "expected an expression inside '{ }'"],
  ['service("a") { fault', 20, "expected '}' to close '{' but found the end of the expression"],
  ['service("a") { fault } }', 23, "unexpected '}'"],
  ['service("a" { fault }', 12, "expected ')' to close service( but found '{'"],
  ['service(5)', 8, 'expected a service name string or id(...) but found 5'],
  ['edge("a") { fault }', 8, "expected ',' between the two services of edge( but found ')'"],
  ['edge("a", )', 10, "expected a service name string or id(...) but found ')'"],
  ['edge("a", "b", "c")', 13, "expected ')' to close edge( but found ','"],
  ['service(id())', 8, 'id() needs at least one of name, type or account.id'],
  ['service(id(foo: "x"))', 11, 'expected name, type or account.id in id() but found foo'],
  ['service(id(name "x"))', 16, "expected ':' after name but found a string"],
  ['service(id(name: x))', 17, 'expected a string after name:'],
  ['service(id(name: "a", name: "b"))', 22, "duplicate id() argument 'name'"],
  ['id(name: "a")', 0, 'id() can only be used inside service() or edge()'],
  ['service("a") { service("b") }', 15, 'service() cannot be used inside a service() block'],
  ['service("a") { annotation.x = 1 }', 15, 'annotation.x cannot be used inside a service() block'],
  ['edge("a", "b") { group.name = "g" }', 17, 'group.name cannot be used inside an edge() block'],
  [
    'service() { rootcause.fault.service }',
    12,
    'rootcause.fault.service cannot be used inside a service() block',
  ],
  ['root', 0, "keyword 'root' can only be used inside a service() or edge() block"],
  [
    'inferred',
    0,
    "keyword 'inferred' can only be used inside a service(), edge() or rootcause block",
  ],
  ['coverage > 0.5', 0, "keyword 'coverage' can only be used inside a rootcause block"],
  ['service() { first }', 12, "keyword 'first' can only be used inside a rootcause block"],
  [
    'rootcause.fault.service { fault }',
    26,
    "keyword 'fault' can only be used outside rootcause blocks",
  ],
  [
    'rootcause.fault.entity { annotation.x }',
    25,
    'annotation.x cannot be used inside a rootcause block',
  ],
  [
    'rootcause.responsetime.exception { name = "x" }',
    0,
    "unknown keyword 'rootcause.responsetime.exception': response-time root causes have no exceptions",
  ],
  [
    'rootcause.fault',
    0,
    "unknown keyword 'rootcause.fault'; expected rootcause.fault|error.service|entity|exception or rootcause.responsetime.service|entity",
  ],
  ['rootcause.json = [1]', 17, "unexpected character '['"],
  ['rootcause.json = #[1,', 18, 'unterminated JSON array'],
  ['rootcause.json = #[1,]', 18, /^invalid JSON after '#' \(.+\)$/],
  ['rootcause.json = #[1]', 0, 'rootcause.json: element 0 must be an object'],
  [
    'rootcause.json = #[{"Services": {}}]',
    0,
    'rootcause.json: element 0: Services must be an array',
  ],
  ['rootcause.json = #[{"Services": [{"Name": 5}]}]', 0, 'rootcause.json: Name must be a string'],
  ['rootcause.json = #{}', 18, "expected a JSON array after '#'"],
  ['rootcause.json #[{}]', 15, "expected '=' after rootcause.json"],
  ['rootcause.json = "x"', 17, 'expected #[...] after rootcause.json ='],
  ['group.name "x"', 11, "expected '=' after group.name"],
  ['group.name = x', 13, 'expected a string after ='],
  ['group.name != "x"', 11, "expected '=' after group.name"],
  ['user = "abc', 7, 'unterminated string'],
  ["user = 'abc'", 7, 'strings must be double-quoted: unexpected "\'"'],
  ['user = "\\u12"', 8, 'invalid \\u escape in string'],
  ['fault && ok', 6, "unexpected '&' (use AND)"],
  ['fault || ok', 6, "unexpected '|' (use OR)"],
  ['foo', 0, "unknown keyword 'foo'"],
  ['http.foo = "x"', 0, "unknown keyword 'http.foo'"],
  ['true', 0, "unknown keyword 'true'"],
  ['http. url', 4, "unexpected '.' after http"],
  ['duration > 5s', 11, "invalid number '5s'"],
  ['annotation.', 11, "expected an annotation key after 'annotation.'"],
  ['annotation[x = 1', 10, "expected ']' to close 'annotation['"],
  ['annotation[] = 1', 11, "expected an annotation key inside 'annotation[...]'"],
  ['annotation.x CONTAINS 5', 22, 'expected a string after CONTAINS'],
  ['annotation.x > true', 13, 'operator > does not apply to true/false'],
  ['annotation.x =', 14, 'expected a value after ='],
  ['user = "a" "b"', 11, "expected a keyword or '(' but found a string"],
  ['= 5', 0, "expected a keyword or '(' but found '='"],
  ['user = "x" @', 11, "unexpected character '@'"],
  ['group.name = "missing"', 0, 'unknown group: group.name = "missing"'],
  [
    '('.repeat(101) + 'ok' + ')'.repeat(101),
    100,
    'expression nested too deeply (more than 100 levels)',
  ],
  ['!'.repeat(200) + 'ok', 100, 'expression nested too deeply (more than 100 levels)'],
  [
    'service() { '.repeat(120) + 'ok' + ' }'.repeat(120),
    12,
    'service() cannot be used inside a service() block',
  ],
  ['rootcause.json = #' + '['.repeat(101) + ']'.repeat(101), 118, 'JSON value nested too deeply'],
  ['x'.repeat(100_001), 100_000, 'expression longer than 100000 characters'],
];

describe('compileFilter', () => {
  describe('malformed expressions', () => {
    it(`covers at least 40 cases (${MALFORMED.length})`, () => {
      expect(MALFORMED.length).toBeGreaterThanOrEqual(40);
    });

    it.each(
      MALFORMED.map(([e, p, m]) => [e.length > 60 ? `${e.slice(0, 57)}...` : e, e, p, m] as const),
    )('%s', (_label, expression, position, message) => {
      const r = compileFilter(expression);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.position).toBe(position);
      const expected = typeof message === 'string' ? message : message.source.slice(1, -1);
      if (typeof message === 'string') expect(r.message).toBe(`${message} at position ${position}`);
      else expect(r.message.replace(/ at position \d+$/, '')).toMatch(new RegExp(`^${expected}$`));
      expect(r.message.endsWith(` at position ${position}`)).toBe(true);
    });
  });

  describe('non-string input', () => {
    it('returns an error result', () => {
      const r = compileFilter(42 as unknown as string);
      expect(r).toEqual({
        ok: false,
        message: 'the filter expression must be a string at position 0',
        position: 0,
      });
    });
  });
});

describe('parseFilter', () => {
  it('reports an empty expression', () => {
    expect(parseFilter('  ')).toEqual({
      ok: false,
      message: 'empty expression at position 2',
      position: 2,
    });
  });

  it('returns the syntax tree without resolving groups', () => {
    expect(parseFilter('group.name = "g"')).toEqual({
      ok: true,
      ast: { kind: 'group', pos: 0, field: 'name', value: 'g' },
    });
  });
});
