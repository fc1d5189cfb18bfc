// Shared, frozen sampling results. The SDK's `SamplingDecision` enum is imported as a type only
// (STYLE.md pitfalls), so its values are spelled out here: NOT_RECORD 0, RECORD_AND_SAMPLED 2.
import type { SamplingDecision, SamplingResult } from '@opentelemetry/sdk-trace';

/** `SamplingDecision.NOT_RECORD`. */
const NOT_RECORD = 0 as SamplingDecision.NOT_RECORD;
/** `SamplingDecision.RECORD_AND_SAMPLED`. */
const RECORD_AND_SAMPLED = 2 as SamplingDecision.RECORD_AND_SAMPLED;

/** The result for a sampled span. */
export const SAMPLED_RESULT: SamplingResult = Object.freeze({ decision: RECORD_AND_SAMPLED });
/** The result for a dropped span. */
export const DROPPED_RESULT: SamplingResult = Object.freeze({ decision: NOT_RECORD });
