// Parent-based composition with X-Ray's rule for undecided parents: an incoming `Sampled=1`/`0`
// decides; `Sampled=?` or no `Sampled` (marked by `@otel-xray/propagation`, whose remote span
// context carries flags NONE) asks the rules, like X-Ray middleware does (spec §8.4).
import {
  isSpanContextValid,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Link,
  type SpanKind,
} from '@opentelemetry/api';
import { isSamplingUndecided } from '@otel-xray/propagation';
import type { Sampler, SamplingResult } from '@opentelemetry/sdk-trace';
import type { SamplingExplanation } from './explain.ts';
import { DROPPED_RESULT, SAMPLED_RESULT } from './internal/decisions.ts';
import type { XRaySampler } from './xray-sampler.ts';

/** A parent-based sampler that also forwards the X-Ray sampler's extras. */
export interface XRayParentBasedSampler extends Sampler {
  /**
   * {@link XRaySampler.explain}, plus whether the parent in `context` decides instead of the
   * rules (e.g. a `Sampled=0` from a Lambda in PassThrough mode drops the span).
   */
  explain(attributes?: Attributes, context?: Context): SamplingExplanation;
  /** Stops the root sampler's pollers. Idempotent. */
  shutdown(): Promise<void>;
  /** The rule-based sampler used for roots and undecided parents. */
  readonly root: XRaySampler;
}

/**
 * Wraps `root` so that only root spans and remote parents with an undecided X-Ray header consult
 * the rules; every other span follows its parent's sampled flag.
 *
 * @example
 * const sampler = xrayParentBasedSampler(new XRaySampler({ resource }));
 * new NodeTracerProvider({ resource, sampler });
 */
export function xrayParentBasedSampler(root: XRaySampler): XRayParentBasedSampler {
  return {
    root,
    shouldSample(
      context: Context,
      traceId: string,
      spanName: string,
      spanKind: SpanKind,
      attributes: Attributes,
      links: Link[],
    ): SamplingResult {
      const parent = trace.getSpanContext(context);
      if (
        !parent ||
        !isSpanContextValid(parent) ||
        (parent.isRemote === true && isSamplingUndecided(context))
      ) {
        return root.shouldSample(context, traceId, spanName, spanKind, attributes, links);
      }
      return (parent.traceFlags & TraceFlags.SAMPLED) !== 0 ? SAMPLED_RESULT : DROPPED_RESULT;
    },
    explain(attributes?: Attributes, context?: Context): SamplingExplanation {
      const explanation = root.explain(attributes);
      const parent = context === undefined ? undefined : trace.getSpanContext(context);
      if (!context || !parent || !isSpanContextValid(parent)) return explanation;
      const remote = parent.isRemote === true;
      if (remote && isSamplingUndecided(context)) {
        return {
          ...explanation,
          summary: `remote parent left sampling undecided; ${explanation.summary}`,
        };
      }
      const sampled = (parent.traceFlags & TraceFlags.SAMPLED) !== 0;
      return {
        ...explanation,
        decidedByParent: { remote, sampled },
        summary: `${remote ? 'remote' : 'local'} parent decides: ${sampled ? 'sampled' : 'not sampled'} (rules not consulted)`,
      };
    },
    shutdown: () => root.shutdown(),
    toString: () => `XRayParentBased{root=${root.toString()}}`,
  };
}
