// Builders for API-shaped sampling rules and an in-memory transport.
import type {
  GetSamplingRulesResponse,
  GetSamplingTargetsRequest,
  GetSamplingTargetsResponse,
  SamplingTransport,
  XRaySamplingRule,
} from '../../src/index.ts';

export function apiRule(overrides: Partial<XRaySamplingRule> = {}): XRaySamplingRule {
  return {
    RuleName: 'r',
    ResourceARN: '*',
    Priority: 100,
    FixedRate: 0.05,
    ReservoirSize: 1,
    ServiceName: '*',
    ServiceType: '*',
    Host: '*',
    HTTPMethod: '*',
    URLPath: '*',
    Version: 1,
    Attributes: {},
    ...overrides,
  };
}

export const DEFAULT_API_RULE = apiRule({
  RuleName: 'Default',
  Priority: 10000,
  FixedRate: 0.05,
  ReservoirSize: 1,
});

/** A scriptable transport that records what the sampler sent. */
export class FakeTransport implements SamplingTransport {
  rules: XRaySamplingRule[] = [DEFAULT_API_RULE];
  targets: (req: GetSamplingTargetsRequest) => GetSamplingTargetsResponse = () => ({
    SamplingTargetDocuments: [],
  });
  down = false;
  rulesCalls = 0;
  sent: GetSamplingTargetsRequest[] = [];

  getSamplingRules(): Promise<GetSamplingRulesResponse> {
    this.rulesCalls++;
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:2000'));
    return Promise.resolve({ SamplingRuleRecords: this.rules.map((r) => ({ SamplingRule: r })) });
  }

  getSamplingTargets(input: GetSamplingTargetsRequest): Promise<GetSamplingTargetsResponse> {
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:2000'));
    this.sent.push(structuredClone(input));
    return Promise.resolve(this.targets(input));
  }
}
