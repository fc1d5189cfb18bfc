import type { Link } from '@opentelemetry/api';
import { cleanAttributes } from '@opentelemetry/core';
import type { SpanLimits } from '@opentelemetry/sdk-trace';

/** Every limit of a span, none left to a default. */
export type LeanSpanLimits = Required<SpanLimits>;

/**
 * The SDK's defaults (`TracerProvider` in @opentelemetry/sdk-trace 3.0). `startTracing` gives them to
 * its provider too, so that our spans and the SDK's keep to the same limits.
 */
export const SPAN_LIMITS: LeanSpanLimits = Object.freeze({
  attributeCountLimit: 128,
  attributeValueLengthLimit: Number.POSITIVE_INFINITY,
  eventCountLimit: 128,
  linkCountLimit: 128,
  attributePerEventCountLimit: 128,
  attributePerLinkCountLimit: 128,
});

/** A link with its attributes under the per-link limits, as the SDK keeps it. */
export function limitedLink(link: Link, limits: LeanSpanLimits): Link {
  return {
    context: link.context,
    ...cleanAttributes(link.attributes, {
      attributeCountLimit: limits.attributePerLinkCountLimit,
      attributeValueLengthLimit: limits.attributeValueLengthLimit,
    }),
  };
}
