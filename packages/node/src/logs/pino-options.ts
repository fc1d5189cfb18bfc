import { context, trace } from '@opentelemetry/api';
import { logCorrelationMode } from './log-correlation-state.ts';
import { logFieldsFor, type XRayLogFields } from './xray-log-fields.ts';

/** The pino options {@link xrayPinoOptions} returns (a `mixin` and its merge strategy). */
export interface XRayPinoOptions {
  mixin: () => object;
  mixinMergeStrategy: (mergeObject: object, mixinObject: object) => object;
}

// Returned outside any span and left untouched by the merge below: no object is built or copied.
const NONE: XRayLogFields = Object.freeze({});

function fieldsOrNone(): XRayLogFields {
  const span = trace.getSpan(context.active());
  if (span === undefined) return NONE;
  const fields = logFieldsFor(span.spanContext(), logCorrelationMode());
  return fields;
}

function merge(mergeObject: object, mixinObject: object): object {
  // pino's default merge (Object.assign(mixin, merge)) copies every line's fields into a new
  // object even when the mixin adds none; outside a span we hand pino its own object back.
  return mixinObject === NONE ? mergeObject : Object.assign(mixinObject, mergeObject);
}

/**
 * pino options that add the correlation fields (see `xrayLogFields`) at no cost outside a span:
 * spread them into your options. The fields come first, so a field of your own wins.
 * @example
 * import pino from 'pino';
 * import { xrayPinoOptions } from '@otel-xray/node';
 * const logger = pino({ ...xrayPinoOptions(), level: 'info' });
 */
export function xrayPinoOptions(): XRayPinoOptions {
  return { mixin: fieldsOrNone, mixinMergeStrategy: merge };
}
