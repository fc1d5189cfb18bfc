// An ordered, compiled set of rules from one source. Rules whose resource-level fields cannot
// match this process are kept for `explain` but skipped on the hot path.
import type { Attributes } from '@opentelemetry/api';
import { compileRule, spanMismatch, type CompiledRule } from './compiled-rule.ts';
import type { ResourceProperties, SpanProperties } from './request-properties.ts';
import type { RuleDefinition } from './rule-definition.ts';
import type { RuleState } from './rule-state.ts';

/** Where a rule set came from. */
export type RuleSource = 'centralized' | 'local';

function byPriorityThenName(a: RuleDefinition, b: RuleDefinition): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Keeps counters and quota across refreshes; a changed rate or reservoir voids the old target. */
function carriedState(
  previous: CompiledRule | undefined,
  next: RuleDefinition,
): RuleState | undefined {
  if (!previous) return undefined;
  const state = previous.state;
  if (previous.definition.fixedRate !== next.fixedRate) state.rate = undefined;
  if (previous.definition.reservoirSize !== next.reservoirSize) state.quota = undefined;
  return state;
}

/** Rules in evaluation order: ascending priority, then rule name. */
export class RuleSet {
  readonly source: RuleSource;
  /** Every rule, in evaluation order. */
  readonly rules: readonly CompiledRule[];
  readonly #candidates: readonly CompiledRule[];

  /**
   * @param previous - a set whose per-rule state (counters, quotas) is carried over by rule name
   */
  constructor(
    definitions: readonly RuleDefinition[],
    resource: ResourceProperties,
    source: RuleSource,
    previous?: RuleSet,
  ) {
    this.source = source;
    this.rules = [...definitions]
      .sort(byPriorityThenName)
      .map((d) => compileRule(d, resource, carriedState(previous?.byName(d.name), d)));
    this.#candidates = this.rules.filter((r) => r.resourceMismatch === undefined);
  }

  /** The first rule matching the span, or `undefined`. */
  match(props: SpanProperties, attributes: Attributes): CompiledRule | undefined {
    for (const rule of this.#candidates) {
      if (rule.checks.length === 0 || spanMismatch(rule, props, attributes) === undefined)
        return rule;
    }
    return undefined;
  }

  byName(name: string): CompiledRule | undefined {
    return this.rules.find((r) => r.definition.name === name);
  }
}
