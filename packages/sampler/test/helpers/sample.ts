// Calls `shouldSample` the way the SDK does for a root span.
import { ROOT_CONTEXT, SpanKind, type Attributes } from '@opentelemetry/api';
import { SamplingDecision, type Sampler } from '@opentelemetry/sdk-trace';

const TRACE_ID = '5759e988bd862e3fe1be46a994272793';

/** True when `sampler` samples a root span with these attributes. */
export function sampled(
  sampler: Sampler,
  attributes: Attributes = {},
  traceId = TRACE_ID,
): boolean {
  return (
    sampler.shouldSample(ROOT_CONTEXT, traceId, 'span', SpanKind.SERVER, attributes, [])
      .decision === SamplingDecision.RECORD_AND_SAMPLED
  );
}

/** How many of `n` calls are sampled. */
export function countSampled(sampler: Sampler, n: number, attributes: Attributes = {}): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (sampled(sampler, attributes)) count++;
  return count;
}
