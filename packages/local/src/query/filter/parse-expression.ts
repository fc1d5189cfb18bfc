// Recursive descent over the boolean structure (spec/xray-protocol.md §6.1):
//   expr = and {OR and};  and = unary {[AND] unary};  unary = (! | NOT) unary | primary.
// AND and OR chains become one n-ary node each, so long flat expressions never recurse deeply.
import type { FilterNode } from './ast.ts';
import { fail } from './filter-error.ts';
import { parseEdge, parseId, parseRootCause, parseService } from './parse-entity.ts';
import { parseAnnotation, parseGroup, parseKeyword, parseRootCauseJson } from './parse-keyword.ts';
import { Parser, type ParseMode } from './parser.ts';
import { describeToken, type Token } from './token.ts';
import { tokenize } from './tokenize.ts';

/** Parses a whole expression; throws FilterSyntaxError (caught by the public functions). */
export function parseExpression(src: string, mode: ParseMode): FilterNode {
  const p = new Parser(tokenize(src), mode, parseOr);
  const first = p.peek();
  if (first.kind === 'eof') fail('empty expression', first.pos);
  const node = parseOr(p);
  const rest = p.peek();
  if (rest.kind !== 'eof') fail(`unexpected ${describeToken(rest)}`, rest.pos);
  return node;
}

function parseOr(p: Parser): FilterNode {
  const start = p.peek().pos;
  const operands = [parseAnd(p)];
  while (p.isWord(p.peek(), 'or')) {
    const or = p.next();
    if (endsOperand(p, p.peek()))
      fail(`expected an expression after ${describeToken(or)}`, p.peek().pos);
    operands.push(parseAnd(p));
  }
  return operands.length === 1 ? (operands[0] as FilterNode) : { kind: 'or', pos: start, operands };
}

function parseAnd(p: Parser): FilterNode {
  const start = p.peek().pos;
  const operands = [parseUnary(p)];
  for (;;) {
    const t = p.peek();
    if (endsOperand(p, t) || p.isWord(t, 'or')) break;
    if (p.isWord(t, 'and')) {
      p.next();
      const after = p.peek();
      if (endsOperand(p, after) || p.isWord(after, 'or') || p.isWord(after, 'and')) {
        fail(`expected an expression after ${describeToken(t)}`, after.pos);
      }
    }
    operands.push(parseUnary(p)); // juxtaposition means AND: "ok !partial duration < 3"
  }
  return operands.length === 1
    ? (operands[0] as FilterNode)
    : { kind: 'and', pos: start, operands };
}

function endsOperand(p: Parser, t: Token): boolean {
  return t.kind === 'eof' || p.isPunct(t, ')') || p.isPunct(t, '}');
}

function parseUnary(p: Parser): FilterNode {
  const t = p.peek();
  if (p.isPunct(t, '!') || p.isWord(t, 'not')) {
    p.next();
    p.enter(t.pos);
    const operand = parseUnary(p);
    p.leave();
    return { kind: 'not', pos: t.pos, operand };
  }
  return parsePrimary(p);
}

function parsePrimary(p: Parser): FilterNode {
  const t = p.peek();
  if (p.isPunct(t, '(')) {
    p.next();
    p.enter(t.pos);
    if (p.isPunct(p.peek(), ')')) fail("expected an expression inside '( )'", p.peek().pos);
    const inner = parseOr(p);
    p.expectPunct(')', "to close '('");
    p.leave();
    return inner;
  }
  if (t.kind === 'word') {
    if (t.lower === 'and' || t.lower === 'or')
      fail(`expected an expression before ${t.text}`, t.pos);
    if (t.lower === 'service') return parseService(p);
    if (t.lower === 'edge') return parseEdge(p);
    if (t.lower === 'id') return parseId(p);
  }
  if (p.mode === 'selector') {
    return fail(
      `only id(), service() and edge() are allowed in an entity selector, found ${describeToken(t)}`,
      t.pos,
    );
  }
  if (t.kind === 'annotation') return parseAnnotation(p);
  if (t.kind === 'word') {
    if (t.lower === 'group.name' || t.lower === 'group.arn') return parseGroup(p);
    if (t.lower === 'rootcause.json') return parseRootCauseJson(p);
    if (t.lower.startsWith('rootcause.') || t.lower === 'rootcause') return parseRootCause(p);
    return parseKeyword(p);
  }
  return fail(`expected a keyword or '(' but found ${describeToken(t)}`, t.pos);
}
