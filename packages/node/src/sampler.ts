import { diag } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import type { Resource } from '@opentelemetry/resources';
import { createXRaySamplerFromEnv } from '@otel-xray/sampler';
import type { StartTracingOptions } from './options.ts';

/** A sampler and how to stop its pollers (X-Ray sampling polls the rules endpoint). */
export interface ChosenSampler {
  sampler: Sampler;
  shutdown: () => Promise<void>;
}

/**
 * The sampler from the option, else `OTEL_TRACES_SAMPLER`: `xray` (default: X-Ray rules,
 * centralized from the daemon address with local fallback, parent-based), `parentbased_always_on`,
 * `always_on`, `always_off`, `parentbased_always_off`. Unknown names warn and use `xray`.
 */
export function chooseSampler(
  option: StartTracingOptions['sampler'],
  env: Record<string, string | undefined>,
  resource: Resource,
): ChosenSampler {
  const none = async (): Promise<void> => {};
  if (option !== undefined && typeof option !== 'string')
    return { sampler: option, shutdown: none };
  const name = option ?? env.OTEL_TRACES_SAMPLER?.trim().toLowerCase() ?? 'xray';
  switch (name) {
    case 'always_on':
      return { sampler: new AlwaysOnSampler(), shutdown: none };
    case 'always_off':
      return { sampler: new AlwaysOffSampler(), shutdown: none };
    case 'parentbased_always_on':
      return { sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }), shutdown: none };
    case 'parentbased_always_off':
      return { sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }), shutdown: none };
    default: {
      if (name !== 'xray') diag.warn(`OTEL_TRACES_SAMPLER: unknown sampler "${name}"; using xray`);
      const sampler = createXRaySamplerFromEnv(env, { resource });
      return { sampler, shutdown: () => sampler.shutdown() };
    }
  }
}
