// Syntax check without compiling: for callers that only validate (CreateGroup) or show the tree.
import type { FilterNode } from './ast.ts';
import { fail, toFilterError, type FilterError } from './filter-error.ts';
import { MAX_EXPRESSION_LENGTH } from './limits.ts';
import { parseExpression } from './parse-expression.ts';

/** Result of parseFilter. */
export type ParseResult = { ok: true; ast: FilterNode } | ({ ok: false } & FilterError);

/**
 * Parses a filter expression into its syntax tree without resolving groups. Never throws; an
 * empty expression is an error here (compileFilter treats it as "match everything").
 *
 * @example
 * const r = parseFilter('ok !partial duration < 3');
 * if (r.ok) console.log(r.ast.kind); // "and"
 */
export function parseFilter(expression: string): ParseResult {
  try {
    if (typeof expression !== 'string') fail('the filter expression must be a string', 0);
    if (expression.length > MAX_EXPRESSION_LENGTH) {
      fail(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
    }
    return { ok: true, ast: parseExpression(expression, 'filter') };
  } catch (err) {
    return { ok: false, ...toFilterError(err) };
  }
}
