// service(...), edge(...), id(...) and rootcause.* with their `{ ... }` blocks.
import type { FilterNode, NodeSelector } from './ast.ts';
import { fail } from './filter-error.ts';
import type { Scope } from './keywords.ts';
import { notInBlock } from './parse-keyword.ts';
import type { Parser } from './parser.ts';
import { describeToken } from './token.ts';

const ID_ARGS: Record<string, keyof NodeSelector> = {
  name: 'name',
  type: 'type',
  'account.id': 'accountId',
};

/** `service()`, `service("name")` or `service(id(...))`, optionally followed by a block. */
export function parseService(p: Parser): FilterNode {
  const t = p.next();
  if (p.mode === 'filter') notInBlock(p, 'service()', t.pos);
  p.expectPunct('(', 'after service');
  const selector = p.isPunct(p.peek(), ')') ? undefined : parseSelector(p);
  p.expectPunct(')', 'to close service(');
  const block = parseBlock(p, 'service');
  return { kind: 'service', pos: t.pos, ...(selector && { selector }), ...(block && { block }) };
}

/** `edge(from, to)` where each side is a name string or `id(...)`, optionally with a block. */
export function parseEdge(p: Parser): FilterNode {
  const t = p.next();
  if (p.mode === 'filter') notInBlock(p, 'edge()', t.pos);
  p.expectPunct('(', 'after edge');
  const from = parseSelector(p);
  p.expectPunct(',', 'between the two services of edge(');
  const to = parseSelector(p);
  p.expectPunct(')', 'to close edge(');
  const block = parseBlock(p, 'edge');
  return { kind: 'edge', pos: t.pos, from, to, ...(block && { block }) };
}

/** A bare `id(...)`, accepted only in entity selectors. */
export function parseId(p: Parser): FilterNode {
  const t = p.peek();
  if (p.mode === 'filter') fail('id() can only be used inside service() or edge()', t.pos);
  return { kind: 'id', pos: t.pos, selector: parseIdCall(p) };
}

/** `rootcause.(fault|error).(service|entity|exception)` or `rootcause.responsetime.(service|entity)`. */
export function parseRootCause(p: Parser): FilterNode {
  const t = p.next();
  const text = t.kind === 'word' ? t.text : '';
  notInBlock(p, text, t.pos);
  const [, category, level, extra] = text.toLowerCase().split('.');
  const known =
    (category === 'fault' || category === 'error' || category === 'responsetime') &&
    (level === 'service' || level === 'entity' || level === 'exception') &&
    extra === undefined;
  if (!known) {
    fail(
      `unknown keyword '${text}'; expected rootcause.fault|error.service|entity|exception or ` +
        'rootcause.responsetime.service|entity',
      t.pos,
    );
  }
  if (category === 'responsetime' && level === 'exception') {
    fail(`unknown keyword '${text}': response-time root causes have no exceptions`, t.pos);
  }
  const block = parseBlock(p, 'rootcause');
  return {
    kind: 'rootcause',
    pos: t.pos,
    category: category,
    level: level,
    ...(block && { block }),
  };
}

function parseBlock(p: Parser, scope: Scope): FilterNode | undefined {
  const open = p.peek();
  if (!p.isPunct(open, '{')) return undefined;
  if (p.mode === 'selector') fail('blocks are not allowed in an entity selector', open.pos);
  p.next();
  p.enter(open.pos);
  if (p.isPunct(p.peek(), '}')) fail("expected an expression inside '{ }'", p.peek().pos);
  const saved = p.scope;
  p.scope = scope;
  const body = p.expr(p);
  p.scope = saved;
  p.expectPunct('}', "to close '{'");
  p.leave();
  return body;
}

function parseSelector(p: Parser): NodeSelector {
  const t = p.peek();
  if (t.kind === 'string') {
    p.next();
    return { name: t.value };
  }
  if (p.isWord(t, 'id')) return parseIdCall(p);
  return fail(`expected a service name string or id(...) but found ${describeToken(t)}`, t.pos);
}

function parseIdCall(p: Parser): NodeSelector {
  const start = p.next();
  p.expectPunct('(', 'after id');
  const selector: NodeSelector = {};
  while (!p.isPunct(p.peek(), ')')) {
    const key = p.peek();
    const field = key.kind === 'word' ? ID_ARGS[key.lower] : undefined;
    if (field === undefined) {
      fail(`expected name, type or account.id in id() but found ${describeToken(key)}`, key.pos);
    }
    if (selector[field] !== undefined)
      fail(`duplicate id() argument '${describeToken(key)}'`, key.pos);
    p.next();
    p.expectPunct(':', `after ${describeToken(key)}`);
    const value = p.peek();
    if (value.kind !== 'string') fail(`expected a string after ${describeToken(key)}:`, value.pos);
    p.next();
    selector[field] = value.value;
    if (!p.isPunct(p.peek(), ')')) p.expectPunct(',', 'between id() arguments');
  }
  if (Object.keys(selector).length === 0) {
    fail('id() needs at least one of name, type or account.id', start.pos);
  }
  p.next();
  return selector;
}
