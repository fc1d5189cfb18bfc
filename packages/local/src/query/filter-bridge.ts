import { invalidRequest } from '../errors.ts';
import type { GroupStore } from '../store/group-store.ts';
import type { TraceMatcher } from './find-summaries.ts';
import { compileEntitySelector, compileFilter, type EntitySelector } from './filter/index.ts';

/**
 * Returns a compiler from filter expressions to {@link TraceMatcher}s that resolves
 * `group.name`/`group.arn` through the group store. Malformed expressions throw
 * InvalidRequestException naming the position.
 */
export function traceFilterCompiler(
  groups: GroupStore,
): (expression: string, groupName?: string) => TraceMatcher {
  return (expression, groupName) => {
    const result = compileFilter(expression, {
      resolveGroup: (ref) => {
        const group = groups
          .list()
          .find((g) => (ref.by === 'name' ? g.GroupName === ref.value : g.GroupARN === ref.value));
        return group === undefined
          ? undefined
          : {
              name: group.GroupName,
              ...(group.FilterExpression === undefined
                ? {}
                : { filterExpression: group.FilterExpression }),
            };
      },
      ...(groupName === undefined ? {} : { groupName }),
    });
    if (!result.ok) throw invalidRequest(`Invalid filter expression: ${result.message}`);
    const filter = result.filter;
    const matcher: TraceMatcher = (facts) => filter.matches(facts);
    if (filter.ast !== undefined) matcher.ast = filter.ast;
    return matcher;
  };
}

/** Compiles an `EntitySelectorExpression`; throws InvalidRequestException naming the position. */
export function compileSelector(expression: string): EntitySelector {
  const result = compileEntitySelector(expression);
  if (!result.ok) throw invalidRequest(`Invalid EntitySelectorExpression: ${result.message}`);
  return result.selector;
}
