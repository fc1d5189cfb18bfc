// Public API of the filter-expression language (spec/xray-protocol.md §6), used by
// GetTraceSummaries, group filters (GetServiceGraph, GetGroups) and GetTimeSeriesServiceStatistics.
export { compileFilter } from './compile-filter.ts';
export { compileEntitySelector } from './entity-selector.ts';
export { parseFilter } from './parse-filter.ts';
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, MAX_ENTITY_SELECTOR_LENGTH } from './limits.ts';
export type {
  CompileResult,
  CompiledFilter,
  FilterContext,
  GroupDefinition,
  GroupRef,
} from './filter-types.ts';
export type { FilterError } from './filter-error.ts';
export type { EntitySelector, EntitySelectorResult } from './entity-selector.ts';
export type { NodeIdentity } from './node-selector.ts';
export type { ParseResult } from './parse-filter.ts';
export type {
  CompareOp,
  FilterNode,
  Literal,
  NodeSelector,
  RootCauseCategory,
  RootCauseLevel,
} from './ast.ts';
