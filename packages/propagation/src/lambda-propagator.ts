import {
  isSpanContextValid,
  trace,
  type Context,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { extractTraceHeader } from './header-context.ts';
import { XRayPropagator } from './xray-propagator.ts';

/** Name of the variable the Lambda runtime sets per invocation. */
export const LAMBDA_TRACE_HEADER_ENV = '_X_AMZN_TRACE_ID';

/** Options of {@link XRayLambdaPropagator}. */
export interface XRayLambdaPropagatorOptions {
  /** Reads the Lambda trace header (default: `process.env._X_AMZN_TRACE_ID`, read on every extract). */
  readTraceHeader?: () => string | undefined;
}

/**
 * {@link XRayPropagator} for AWS Lambda: when `ctx` has no valid span yet, the function's own
 * `_X_AMZN_TRACE_ID` (its Lambda segment as `Parent`, possibly with `Lineage`) wins over the
 * carrier's header, as `@opentelemetry/propagator-aws-xray-lambda` does; otherwise it behaves like
 * {@link XRayPropagator}. Never throws.
 * @example propagation.setGlobalPropagator(new XRayLambdaPropagator());
 */
export class XRayLambdaPropagator implements TextMapPropagator {
  readonly #http = new XRayPropagator();
  readonly #read: () => string | undefined;

  /** @param options where the Lambda header comes from (tests). */
  constructor(options: XRayLambdaPropagatorOptions = {}) {
    this.#read = options.readTraceHeader ?? (() => process.env[LAMBDA_TRACE_HEADER_ENV]);
  }

  /** Same as {@link XRayPropagator.inject}. */
  inject(ctx: Context, carrier: unknown, setter: TextMapSetter): void {
    this.#http.inject(ctx, carrier, setter);
  }

  /** The carrier's header, then `_X_AMZN_TRACE_ID` over it unless `ctx` already has a valid span. */
  extract(ctx: Context, carrier: unknown, getter: TextMapGetter): Context {
    const fromCarrier = this.#http.extract(ctx, carrier, getter);
    const active = trace.getSpanContext(ctx);
    if (active !== undefined && isSpanContextValid(active)) return fromCarrier;
    let lambdaHeader: string | undefined;
    try {
      lambdaHeader = this.#read();
    } catch {
      return fromCarrier;
    }
    return lambdaHeader ? extractTraceHeader(fromCarrier, lambdaHeader) : fromCarrier;
  }

  /** `['x-amzn-trace-id']`. */
  fields(): string[] {
    return this.#http.fields();
  }
}
