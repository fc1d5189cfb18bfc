// Public types of the filter language API.
import type { TraceFacts } from '../trace-facts.ts';
import type { FilterNode } from './ast.ts';
import type { FilterError } from './filter-error.ts';

/** A `group.name = "…"` or `group.arn = "…"` reference to resolve. */
export interface GroupRef {
  by: 'name' | 'arn';
  /** The group name or ARN exactly as written (case-sensitive). */
  value: string;
}

/** A group as the caller's group store knows it. */
export interface GroupDefinition {
  /** Group name; identifies the group when detecting a group that refers back to itself. */
  name: string;
  /** The group's filter expression; absent or blank means the group holds every trace. */
  filterExpression?: string;
}

/** What compileFilter needs from its caller besides the expression. */
export interface FilterContext {
  /** Looks a group up by name or ARN; `undefined` when there is no such group. */
  resolveGroup?: (ref: GroupRef) => GroupDefinition | undefined;
  /** When compiling a group's own filter: its name, so a reference back to it is a cycle error. */
  groupName?: string;
}

/** A compiled filter expression: compile once, call `matches` for every trace. */
export interface CompiledFilter {
  /** The expression as given. */
  readonly expression: string;
  /** Its syntax tree (positions are offsets into `expression`); undefined for a blank expression. */
  readonly ast: FilterNode | undefined;
  /** Names of the groups it refers to, directly or through other groups. */
  readonly groups: readonly string[];
  /** True when the trace satisfies the expression. Never throws. */
  matches(facts: TraceFacts): boolean;
}

/** Result of compileFilter: the filter, or why the expression is not valid. */
export type CompileResult = { ok: true; filter: CompiledFilter } | ({ ok: false } & FilterError);
