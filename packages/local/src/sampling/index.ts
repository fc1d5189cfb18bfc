// Public API of the local X-Ray sampling backend (used by the HTTP layer and the UI).
export { SamplingService } from './sampling-service.ts';
export type { SamplingServiceOptions } from './sampling-service.ts';
export { samplingRoutes } from './sampling-routes.ts';
export type { SamplingHandler } from './sampling-routes.ts';
export { DEFAULT_RULE_NAME } from './default-rule.ts';
export type {
  GetSamplingRulesOutput,
  GetSamplingStatisticSummariesOutput,
  GetSamplingTargetsOutput,
  SamplingRule,
  SamplingRuleOutput,
  SamplingRuleRecord,
  SamplingStatisticSummary,
  SamplingStatisticsDocument,
  SamplingTargetDocument,
  UnprocessedStatistics,
} from './types.ts';
