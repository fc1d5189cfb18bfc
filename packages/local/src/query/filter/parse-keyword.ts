// Simple keywords and their comparisons, annotations, group references and rootcause.json.
import type { CompareOp, FilterNode, Literal } from './ast.ts';
import { fail } from './filter-error.ts';
import { KEYWORDS, OPERATORS, scopeName, type KeywordType, type Scope } from './keywords.ts';
import type { Parser } from './parser.ts';
import { describeToken, type Token } from './token.ts';

const WORD_OPS = new Set(['contains', 'beginswith', 'endswith']);

interface ReadOp {
  op: CompareOp;
  /** As written, for messages (word operators upper-cased). */
  text: string;
  pos: number;
}

/** A keyword from the table, bare or compared. */
export function parseKeyword(p: Parser): FilterNode {
  const t = p.next() as Extract<Token, { kind: 'word' }>;
  const info = KEYWORDS.get(t.lower);
  if (info === undefined) return fail(`unknown keyword '${t.text}'`, t.pos);
  if (!info.scopes.includes(p.scope)) {
    fail(`keyword '${t.text}' can only be used ${allowedWhere(info.scopes)}`, t.pos);
  }
  const op = readOperator(p);
  if (op === undefined) return { kind: 'test', pos: t.pos, keyword: t.lower };
  if (!OPERATORS[info.type].includes(op.op)) {
    fail(`operator ${op.text} does not apply to the ${info.type} keyword '${t.text}'`, op.pos);
  }
  return {
    kind: 'compare',
    pos: t.pos,
    keyword: t.lower,
    op: op.op,
    value: readValue(p, info.type, op),
  };
}

/** `annotation.KEY` / `annotation[KEY]`, bare or compared with a number, string or boolean. */
export function parseAnnotation(p: Parser): FilterNode {
  const t = p.next() as Extract<Token, { kind: 'annotation' }>;
  notInBlock(p, `annotation.${t.key}`, t.pos);
  const op = readOperator(p);
  if (op === undefined) return { kind: 'annotation', pos: t.pos, key: t.key };
  const v = p.peek();
  let value: Literal;
  if (v.kind === 'number') value = { type: 'number', value: v.value };
  else if (v.kind === 'string') value = { type: 'string', value: v.value };
  else if (p.isWord(v, 'true') || p.isWord(v, 'false'))
    value = { type: 'boolean', value: p.isWord(v, 'true') };
  else return fail(`expected a value after ${op.text}`, v.pos);
  if (WORD_OPS.has(op.op) && value.type !== 'string')
    fail(`expected a string after ${op.text}`, v.pos);
  if (value.type === 'boolean' && op.op !== '=' && op.op !== '!=') {
    fail(`operator ${op.text} does not apply to true/false`, op.pos);
  }
  p.next();
  return { kind: 'annotation', pos: t.pos, key: t.key, op: op.op, value };
}

/** `group.name = "x"` / `group.arn = "arn:…"`. */
export function parseGroup(p: Parser): FilterNode {
  const t = p.next() as Extract<Token, { kind: 'word' }>;
  notInBlock(p, t.text, t.pos);
  const op = p.peek();
  if (op.kind !== 'op' || op.op !== '=') fail(`expected '=' after ${t.text}`, op.pos);
  p.next();
  const v = p.peek();
  if (v.kind !== 'string') return fail(`expected a string after =`, v.pos);
  p.next();
  return {
    kind: 'group',
    pos: t.pos,
    field: t.lower === 'group.name' ? 'name' : 'arn',
    value: v.value,
  };
}

/** `rootcause.json = #[ ... ]`. */
export function parseRootCauseJson(p: Parser): FilterNode {
  const t = p.next() as Extract<Token, { kind: 'word' }>;
  notInBlock(p, t.text, t.pos);
  const op = p.peek();
  if (op.kind !== 'op' || op.op !== '=') fail(`expected '=' after ${t.text}`, op.pos);
  p.next();
  const v = p.peek();
  if (v.kind !== 'json') return fail(`expected #[...] after ${t.text} =`, v.pos);
  p.next();
  return { kind: 'rootcause-json', pos: t.pos, pattern: v.value as unknown[] };
}

/** Fails when a trace-level-only construct appears inside a block. */
export function notInBlock(p: Parser, what: string, pos: number): void {
  if (p.scope !== 'trace') fail(`${what} cannot be used ${scopeName(p.scope)}`, pos);
}

function readOperator(p: Parser): ReadOp | undefined {
  const t = p.peek();
  if (t.kind === 'op') {
    p.next();
    return { op: t.op, text: t.op, pos: t.pos };
  }
  if (t.kind === 'word' && WORD_OPS.has(t.lower)) {
    p.next();
    return { op: t.lower as CompareOp, text: t.lower.toUpperCase(), pos: t.pos };
  }
  return undefined;
}

function readValue(p: Parser, type: KeywordType, op: ReadOp): Literal {
  const v = p.peek();
  if (type === 'number') {
    if (v.kind !== 'number') fail(`expected a number after ${op.text}`, v.pos);
    p.next();
    return { type: 'number', value: v.value };
  }
  if (type === 'string') {
    if (v.kind !== 'string') fail(`expected a string after ${op.text}`, v.pos);
    p.next();
    return { type: 'string', value: v.value };
  }
  // Booleans compare with true/false; the quoted form is accepted too ("the string true or false").
  const text = v.kind === 'word' ? v.lower : v.kind === 'string' ? v.value.toLowerCase() : '';
  if (text !== 'true' && text !== 'false') {
    fail(`expected true or false after ${op.text} but found ${describeToken(v)}`, v.pos);
  }
  p.next();
  return { type: 'boolean', value: text === 'true' };
}

function allowedWhere(scopes: readonly Scope[]): string {
  if (scopes.includes('trace')) return 'outside rootcause blocks';
  if (scopes.includes('rootcause') && scopes.includes('service')) {
    return 'inside a service(), edge() or rootcause block';
  }
  if (scopes.includes('service')) return 'inside a service() or edge() block';
  return 'inside a rootcause block';
}
