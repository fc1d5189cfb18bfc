// The tracer of our own instrumentations (http, fetch, aws-sdk): the SDK `Tracer.startSpan`
// decision for decision — suppression, parent, IDs, the sampler with every start attribute,
// limits — with two passes fewer. The SDK runs `cleanAttributes` over the start attributes twice
// (before and after the sampler), each an `Object.entries` and a `new WeakSet()` per value; ours
// are strings and numbers we built, so one `typeof` per value tells them apart, and only an
// attribute set that holds anything else (or that the sampler adds to) takes the SDK's own path.
import {
  context as api,
  INVALID_SPAN_CONTEXT,
  SpanKind,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
  type SpanContext,
  type SpanOptions,
  type Tracer,
} from '@opentelemetry/api';
import {
  cleanAttributes,
  isTracingSuppressed,
  type InstrumentationScope,
} from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import {
  SamplingDecision,
  type IdGenerator,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { LeanSpan } from './lean-span.ts';
import { limitedLink, type LeanSpanLimits } from './lean-span-limits.ts';

/** What the provider holds, shared with a {@link LeanTracer}. */
export interface LeanTracerConfig {
  sampler: Sampler;
  idGenerator: IdGenerator;
  resource: Resource;
  limits: LeanSpanLimits;
  /** The provider's span processors, called in order as the SDK's `MultiSpanProcessor` does. */
  processors: readonly SpanProcessor[];
  scope: InstrumentationScope;
}

const NO_LIMITS = {
  attributeCountLimit: Number.POSITIVE_INFINITY,
  attributeValueLengthLimit: Number.POSITIVE_INFINITY,
};

export class LeanTracer implements Tracer {
  private readonly config: LeanTracerConfig;
  private readonly processor: SpanProcessor;

  constructor(config: LeanTracerConfig) {
    this.config = config;
    const processors = [...config.processors];
    this.processor = {
      onStart: (span, parent) => {
        for (const processor of processors) processor.onStart(span, parent);
      },
      onEnding: (span) => {
        for (const processor of processors) processor.onEnding?.(span);
      },
      onEnd: (span) => {
        for (const processor of processors) processor.onEnd(span);
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    };
  }

  startSpan(name: string, options: SpanOptions = {}, context: Context = api.active()): Span {
    if (options.root) context = trace.deleteSpan(context);
    if (isTracingSuppressed(context)) return trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
    const { config } = this;
    const parent = trace.getSpan(context)?.spanContext();
    const spanId = config.idGenerator.generateSpanId();
    let traceId: string;
    let traceState: SpanContext['traceState'];
    let validParent: SpanContext | undefined;
    if (parent === undefined || !trace.isSpanContextValid(parent))
      traceId = config.idGenerator.generateTraceId();
    else {
      traceId = parent.traceId;
      traceState = parent.traceState;
      validParent = parent;
    }
    const kind = options.kind ?? SpanKind.INTERNAL;
    const links = (options.links ?? []).map((link) => limitedLink(link, config.limits));
    const checked = startAttributes(options.attributes);
    const result = config.sampler.shouldSample(
      context,
      traceId,
      name,
      kind,
      checked.attributes,
      links,
    );
    traceState = result.traceState ?? traceState;
    const sampled = result.decision === SamplingDecision.RECORD_AND_SAMPLED;
    const spanContext: SpanContext = {
      traceId,
      spanId,
      traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
      traceState,
    };
    if (result.decision === SamplingDecision.NOT_RECORD) return trace.wrapSpanContext(spanContext);
    const limited = spanAttributes(checked, result.attributes, config.limits);
    return new LeanSpan({
      name,
      kind,
      spanContext,
      parentSpanContext: validParent,
      links,
      attributes: limited.attributes,
      attributesCount: limited.count,
      droppedAttributesCount: checked.dropped + limited.dropped,
      startTime: options.startTime,
      resource: config.resource,
      scope: config.scope,
      limits: config.limits,
      processor: this.processor,
      parentContext: context,
    });
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    context: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]
  ): ReturnType<F> | undefined {
    const fn = rest[rest.length - 1] as F | undefined;
    if (typeof fn !== 'function') return undefined;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : undefined;
    const parent = (rest.length > 2 ? (rest[1] as Context | undefined) : undefined) ?? api.active();
    const span = this.startSpan(name, options, parent);
    return api.with(
      trace.setSpan(parent, span),
      fn as (span: Span) => ReturnType<F>,
      undefined,
      span,
    );
  }
}

interface Checked {
  attributes: Attributes;
  /** How many attributes `attributes` holds. */
  count: number;
  dropped: number;
}

/**
 * The start attributes as the sampler sees them (the SDK's first pass, no limits): `undefined`
 * values left out; when every other value is a string, number or boolean that is all there is to
 * it, else the SDK's `cleanAttributes` decides.
 */
export function startAttributes(attributes: Attributes | undefined): Checked {
  const out: Attributes = {};
  let count = 0;
  if (attributes === undefined || attributes === null)
    return { attributes: out, count, dropped: 0 };
  for (const key in attributes) {
    if (!Object.prototype.hasOwnProperty.call(attributes, key)) continue;
    const value = attributes[key];
    if (value === undefined) continue;
    const type = typeof value;
    if ((type !== 'string' && type !== 'number' && type !== 'boolean') || key.length === 0) {
      return cleaned(cleanAttributes(attributes, NO_LIMITS));
    }
    out[key] = value;
    count++;
  }
  return { attributes: out, count, dropped: 0 };
}

/** The span's attributes: the sampler's added, and the span limits applied (the SDK's second pass). */
export function spanAttributes(
  start: Checked,
  fromSampler: Attributes | undefined,
  limits: LeanSpanLimits,
): Checked {
  if (
    fromSampler === undefined &&
    limits.attributeValueLengthLimit === Number.POSITIVE_INFINITY &&
    start.count <= limits.attributeCountLimit
  )
    return { attributes: start.attributes, count: start.count, dropped: 0 };
  return cleaned(cleanAttributes(Object.assign(start.attributes, fromSampler), limits));
}

function cleaned(result: ReturnType<typeof cleanAttributes>): Checked {
  const attributes = result.attributes ?? {};
  return {
    attributes,
    count: Object.keys(attributes).length,
    dropped: result.droppedAttributesCount ?? 0,
  };
}
