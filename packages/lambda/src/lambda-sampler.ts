import { isSpanContextValid, trace, type Context } from '@opentelemetry/api';
import { SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace';
import { isSamplingUndecided } from '@otel-xray/propagation';

const SAMPLED: SamplingResult = { decision: SamplingDecision.RECORD_AND_SAMPLED };
const DROPPED: SamplingResult = { decision: SamplingDecision.NOT_RECORD };

/**
 * Parent-based, the X-Ray way: a parent's `Sampled=1`/`0` is followed; a root, or a parent whose
 * header left sampling undecided (`Sampled=?`), is decided by `root`.
 */
export class LambdaSampler implements Sampler {
  readonly #root: Sampler | undefined;

  /** @param root decides roots and undecided parents; default: always sample. */
  constructor(root?: Sampler) {
    this.#root = root;
  }

  shouldSample(...args: Parameters<Sampler['shouldSample']>): SamplingResult {
    const ctx: Context = args[0];
    const parent = trace.getSpanContext(ctx);
    if (parent !== undefined && isSpanContextValid(parent) && !isSamplingUndecided(ctx))
      return (parent.traceFlags & 1) !== 0 ? SAMPLED : DROPPED;
    return this.#root?.shouldSample(...args) ?? SAMPLED;
  }

  toString(): string {
    return `LambdaSampler{root=${this.#root?.toString() ?? 'always on'}}`;
  }
}
