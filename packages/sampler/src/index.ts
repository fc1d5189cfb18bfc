// Public API of @otel-xray/sampler.
export { XRaySampler } from './xray-sampler.ts';
export type { XRaySamplerOptions, ResourceLike } from './xray-sampler.ts';
export { xrayParentBasedSampler } from './parent-based.ts';
export type { XRayParentBasedSampler } from './parent-based.ts';
export { createXRaySamplerFromEnv, parseSamplerArg, daemonSamplingEndpoint } from './from-env.ts';
export { parseLocalRules, loadLocalRules } from './local-rules.ts';
export type { LocalRule, LocalRulesDocument, LocalRulesResult } from './local-rules.ts';
export { httpSamplingTransport } from './http-transport.ts';
export type { HttpSamplingTransportOptions } from './http-transport.ts';
export { xrayClientTransport } from './xray-client-transport.ts';
export type { XRayClientLike } from './xray-client-transport.ts';
export type { SamplingExplanation, SkippedRule } from './explain.ts';
export type {
  XRaySamplingRule,
  GetSamplingRulesResponse,
  GetSamplingTargetsRequest,
  GetSamplingTargetsResponse,
  SamplingStatisticsDocument,
  SamplingTargetDocument,
  SamplingTransport,
} from './types.ts';
