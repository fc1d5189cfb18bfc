import type { SamplingRule } from './types.ts';

/** Name of the rule every account has; it cannot be deleted. */
export const DEFAULT_RULE_NAME = 'Default';

/** The `Default` rule as the API returns it before anyone changes it (spec §8.1). */
export function defaultRule(arn: string): SamplingRule {
  return {
    RuleName: DEFAULT_RULE_NAME,
    RuleARN: arn,
    ResourceARN: '*',
    Priority: 10000,
    FixedRate: 0.05,
    ReservoirSize: 1,
    ServiceName: '*',
    ServiceType: '*',
    Host: '*',
    HTTPMethod: '*',
    URLPath: '*',
    Version: 1,
    Attributes: {},
  };
}
