// Parser state shared by the recursive-descent functions: the token cursor, the nesting depth
// guard, and the scope (trace, service/edge block, rootcause block) being parsed.
import type { FilterNode } from './ast.ts';
import { fail } from './filter-error.ts';
import type { Scope } from './keywords.ts';
import { MAX_NESTING_DEPTH } from './limits.ts';
import { describeToken, type Token } from './token.ts';

/** `filter`: the whole language. `selector`: EntitySelectorExpression (id/service/edge only). */
export type ParseMode = 'filter' | 'selector';

/** Cursor over the tokens of one expression. */
export class Parser {
  readonly mode: ParseMode;
  scope: Scope = 'trace';
  /** Parses a nested expression (set by parse-expression to avoid an import cycle). */
  readonly expr: (p: Parser) => FilterNode;
  private readonly tokens: readonly Token[];
  private index = 0;
  private depth = 0;

  constructor(tokens: readonly Token[], mode: ParseMode, expr: (p: Parser) => FilterNode) {
    this.tokens = tokens;
    this.mode = mode;
    this.expr = expr;
  }

  peek(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  /** True when `t` is the word `lower`, in any case. */
  isWord(t: Token, lower: string): t is Extract<Token, { kind: 'word' }> {
    return t.kind === 'word' && t.lower === lower;
  }

  isPunct(t: Token, char: string): boolean {
    return t.kind === 'punct' && t.char === char;
  }

  /** Consumes the punctuation `char` or fails naming what was found instead. */
  expectPunct(char: string, context: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, char))
      fail(`expected '${char}' ${context} but found ${describeToken(t)}`, t.pos);
    return this.next();
  }

  /** Enters one nesting level (parenthesis, block, negation); fails past MAX_NESTING_DEPTH. */
  enter(pos: number): void {
    if (++this.depth > MAX_NESTING_DEPTH) {
      fail(`expression nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`, pos);
    }
  }

  leave(): void {
    this.depth--;
  }
}
