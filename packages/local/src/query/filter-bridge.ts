import { invalidRequest } from '../errors.ts';
import type { TraceMatcher } from './find-summaries.ts';

/**
 * Compiles a filter expression into a {@link TraceMatcher}, via the filter module
 * (query/filter/). Throws InvalidRequestException for a malformed expression.
 */
export function compileTraceFilter(expression: string): TraceMatcher {
  void expression;
  throw invalidRequest('filter expressions are not available yet');
}
