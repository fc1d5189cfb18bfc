// The public entry point: expression text → CompiledFilter, resolving group references through
// the caller's callback at compile time (so cycles and unknown groups are compile errors).
import type { TraceFacts } from '../trace-facts.ts';
import type { FilterNode } from './ast.ts';
import type { Pred } from './compile-logic.ts';
import { compileTrace } from './compile-trace.ts';
import { fail, FilterSyntaxError, toFilterError } from './filter-error.ts';
import type { CompileResult, FilterContext } from './filter-types.ts';
import { MAX_EXPRESSION_LENGTH, MAX_GROUP_DEPTH } from './limits.ts';
import { parseExpression } from './parse-expression.ts';

interface GroupState {
  context: FilterContext;
  /** Groups being compiled, outermost first (a repeat is a cycle). */
  stack: string[];
  /** Every group referred to. */
  seen: Set<string>;
}

const MATCH_ALL: Pred<TraceFacts> = () => true;

/**
 * Compiles an X-Ray filter expression (spec/xray-protocol.md §6). A blank expression matches
 * every trace. Never throws: a malformed expression yields `{ ok: false, message, position }`
 * with a 0-based character position.
 *
 * @example
 * const r = compileFilter('service("inventory") { fault } AND annotation.order_id = "x"');
 * if (!r.ok) throw new Error(r.message); // e.g. "expected a string after = at position 52"
 * const hits = traces.filter((t) => r.filter.matches(t));
 */
export function compileFilter(expression: string, context: FilterContext = {}): CompileResult {
  try {
    if (typeof expression !== 'string') fail('the filter expression must be a string', 0);
    if (expression.length > MAX_EXPRESSION_LENGTH) {
      fail(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
    }
    const state: GroupState = {
      context,
      stack: context.groupName ? [context.groupName] : [],
      seen: new Set(),
    };
    const { ast, pred } = compileText(expression, state);
    const filter = {
      expression,
      ast,
      groups: [...state.seen],
      matches(facts: TraceFacts): boolean {
        try {
          return pred(facts);
        } catch {
          return false; // facts that break the TraceFacts contract match nothing
        }
      },
    };
    return { ok: true, filter };
  } catch (err) {
    return { ok: false, ...toFilterError(err) };
  }
}

function compileText(
  expression: string,
  state: GroupState,
): { ast: FilterNode | undefined; pred: Pred<TraceFacts> } {
  if (expression.trim() === '') return { ast: undefined, pred: MATCH_ALL };
  const ast = parseExpression(expression, 'filter');
  return { ast, pred: compileTrace(ast, (node) => compileGroup(node, state)) };
}

function compileGroup(
  node: Extract<FilterNode, { kind: 'group' }>,
  state: GroupState,
): Pred<TraceFacts> {
  const def = state.context.resolveGroup?.({ by: node.field, value: node.value });
  if (def === undefined)
    return fail(`unknown group: group.${node.field} = "${node.value}"`, node.pos);
  if (state.stack.includes(def.name)) {
    fail(`group "${def.name}" refers to itself (directly or through other groups)`, node.pos);
  }
  if (state.stack.length >= MAX_GROUP_DEPTH) {
    fail(`groups refer to other groups too deeply (more than ${MAX_GROUP_DEPTH} levels)`, node.pos);
  }
  state.seen.add(def.name);
  state.stack.push(def.name);
  try {
    return compileText(def.filterExpression ?? '', state).pred;
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    return fail(
      `in group "${def.name}": ${err.reason} (position ${err.position} of its filter)`,
      node.pos,
    );
  } finally {
    state.stack.pop();
  }
}
