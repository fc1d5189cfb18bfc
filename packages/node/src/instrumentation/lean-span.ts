// The span our own instrumentations record: the OpenTelemetry SDK's span (`SpanImpl` in
// @opentelemetry/sdk-trace 3.0, not exported) rule for rule — limits, status, events, links,
// timing, processor calls — except that an attribute set to a string, number or boolean is stored
// without the SDK's general value check (`isAnyValue`, which allocates a `WeakSet` per value).
// Any other value goes through the SDK's own `maybeAddAttribute`.
import {
  diag,
  SpanStatusCode,
  type Attributes,
  type Context,
  type Exception,
  type HrTime,
  type Link,
  type Span,
  type SpanContext,
  type SpanKind,
  type SpanStatus,
  type TimeInput,
} from '@opentelemetry/api';
import {
  addHrTimes,
  AddAttributeDecision,
  cleanSimpleAttributes,
  hrTimeDuration,
  isTimeInput,
  isTimeInputHrTime,
  maybeAddAttribute,
  millisToHrTime,
  hrTime,
  type InstrumentationScope,
} from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace';
import { limitedLink, type LeanSpanLimits } from './lean-span-limits.ts';

/** What a {@link LeanSpan} starts from; `attributes` are already checked and limited. */
export interface LeanSpanInit {
  name: string;
  kind: SpanKind;
  spanContext: SpanContext;
  parentSpanContext: SpanContext | undefined;
  links: Link[];
  attributes: Attributes;
  /** How many attributes `attributes` holds. */
  attributesCount: number;
  droppedAttributesCount: number;
  startTime: TimeInput | undefined;
  resource: Resource;
  scope: InstrumentationScope;
  limits: LeanSpanLimits;
  processor: SpanProcessor;
  parentContext: Context;
}

export class LeanSpan implements Span, ReadableSpan {
  name: string;
  readonly kind: SpanKind;
  readonly parentSpanContext: SpanContext | undefined;
  readonly attributes: Attributes;
  links: Link[];
  readonly events: TimedEvent[] = [];
  readonly startTime: HrTime;
  readonly resource: Resource;
  readonly instrumentationScope: InstrumentationScope;
  status: SpanStatus = { code: SpanStatusCode.UNSET };
  endTime: HrTime = [0, 0];
  private readonly _spanContext: SpanContext;
  private readonly _limits: LeanSpanLimits;
  private readonly _processor: SpanProcessor;
  private readonly _performanceStartTime: number;
  private readonly _performanceOffset: number;
  private readonly _startTimeProvided: boolean;
  private _attributesCount: number;
  private _droppedAttributesCount: number;
  private _droppedEventsCount = 0;
  private _droppedLinksCount = 0;
  private _duration: HrTime = [-1, -1];
  private _ended = false;

  constructor(init: LeanSpanInit) {
    const now = Date.now();
    this._spanContext = init.spanContext;
    this._performanceStartTime = performance.now();
    this._performanceOffset = now - (this._performanceStartTime + performance.timeOrigin);
    this._startTimeProvided = init.startTime != null;
    this._limits = init.limits;
    this._processor = init.processor;
    this.name = init.name;
    this.parentSpanContext = init.parentSpanContext;
    this.kind = init.kind;
    this.startTime = this._getTime(init.startTime ?? now);
    this.resource = init.resource;
    this.instrumentationScope = init.scope;
    const { linkCountLimit } = init.limits;
    if (init.links.length > linkCountLimit) {
      this.links = init.links.slice(init.links.length - linkCountLimit);
      this._droppedLinksCount = init.links.length - linkCountLimit;
    } else this.links = init.links;
    this.attributes = init.attributes;
    this._attributesCount = init.attributesCount;
    this._droppedAttributesCount = init.droppedAttributesCount;
    this._processor.onStart(this, init.parentContext);
  }

  spanContext(): SpanContext {
    return this._spanContext;
  }

  setAttribute(key: string, value?: unknown): this {
    if (this._isSpanEnded()) return this;
    if (
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
      key.length > 0
    ) {
      const isNew = !Object.hasOwn(this.attributes, key);
      if (isNew && this._attributesCount >= this._limits.attributeCountLimit) return this.dropped();
      const limit = this._limits.attributeValueLengthLimit;
      this.attributes[key] =
        typeof value === 'string' && value.length > limit ? value.substring(0, limit) : value;
      if (isNew) this._attributesCount++;
      return this;
    }
    const decision = maybeAddAttribute({
      key,
      value,
      attributes: this.attributes,
      limits: this._limits,
      currentAttributesCount: this._attributesCount,
    });
    if (decision === AddAttributeDecision.DROP_LIMIT_REACHED) return this.dropped();
    if (decision === AddAttributeDecision.ADD_NEW) this._attributesCount++;
    return this;
  }

  private dropped(): this {
    this._droppedAttributesCount++;
    if (this._droppedAttributesCount === 1) diag.warn('Dropping extra attributes.');
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key in attributes)
      if (Object.prototype.hasOwnProperty.call(attributes, key))
        this.setAttribute(key, attributes[key]);
    return this;
  }

  addEvent(name: string, attributesOrStartTime?: Attributes | TimeInput, time?: TimeInput): this {
    if (this._isSpanEnded()) return this;
    const { eventCountLimit } = this._limits;
    if (eventCountLimit === 0) {
      diag.warn('No events allowed.');
      this._droppedEventsCount++;
      return this;
    }
    if (this.events.length >= eventCountLimit) {
      if (this._droppedEventsCount === 0) diag.debug('Dropping extra events.');
      this.events.shift();
      this._droppedEventsCount++;
    }
    let attributes = attributesOrStartTime;
    if (isTimeInput(attributes)) {
      if (!isTimeInput(time)) time = attributes;
      attributes = undefined;
    }
    this.events.push({
      name,
      time: this._getTime(time),
      ...cleanSimpleAttributes(attributes, {
        attributeCountLimit: this._limits.attributePerEventCountLimit,
        attributeValueLengthLimit: this._limits.attributeValueLengthLimit,
      }),
    });
    return this;
  }

  addLink(link: Link): this {
    if (this._isSpanEnded()) return this;
    const { linkCountLimit } = this._limits;
    if (linkCountLimit === 0) {
      this._droppedLinksCount++;
      return this;
    }
    if (this.links.length >= linkCountLimit) {
      if (this._droppedLinksCount === 0) diag.debug('Dropping extra links.');
      this.links.shift();
      this._droppedLinksCount++;
    }
    this.links.push(limitedLink(link, this._limits));
    return this;
  }

  addLinks(links: Link[]): this {
    for (const link of links) this.addLink(link);
    return this;
  }

  setStatus(status: SpanStatus): this {
    if (this._isSpanEnded()) return this;
    if (status.code === SpanStatusCode.UNSET) return this;
    if (this.status.code === SpanStatusCode.OK) return this;
    const next: SpanStatus = { code: status.code };
    if (status.code === SpanStatusCode.ERROR) {
      if (typeof status.message === 'string') next.message = status.message;
      else if (status.message != null)
        diag.warn(
          `Dropping invalid status.message of type '${typeof status.message}', expected 'string'`,
        );
    }
    this.status = next;
    return this;
  }

  updateName(name: string): this {
    if (this._isSpanEnded()) return this;
    this.name = name;
    return this;
  }

  end(endTime?: TimeInput): void {
    if (this._isSpanEnded()) {
      diag.error(
        `${this.name} ${this._spanContext.traceId}-${this._spanContext.spanId} - You can only call end() on a span once.`,
      );
      return;
    }
    this.endTime = this._getTime(endTime);
    this._duration = hrTimeDuration(this.startTime, this.endTime);
    if (this._duration[0] < 0) {
      diag.warn(
        'Inconsistent start and end time, startTime > endTime. Setting span duration to 0ms.',
        this.startTime,
        this.endTime,
      );
      this.endTime = this.startTime.slice() as HrTime;
      this._duration = [0, 0];
    }
    if (this._droppedEventsCount > 0)
      diag.warn(`Dropped ${this._droppedEventsCount} events because eventCountLimit reached`);
    if (this._droppedLinksCount > 0)
      diag.warn(`Dropped ${this._droppedLinksCount} links because linkCountLimit reached`);
    this._processor.onEnding?.(this);
    this._ended = true;
    this._processor.onEnd(this);
  }

  isRecording(): boolean {
    return !this._ended;
  }

  recordException(exception: Exception, time?: TimeInput): void {
    const attributes: Attributes = {};
    if (typeof exception === 'string') attributes['exception.message'] = exception;
    else if (exception) {
      if (exception.code) attributes['exception.type'] = exception.code.toString();
      else if (exception.name) attributes['exception.type'] = exception.name;
      if (exception.message) attributes['exception.message'] = exception.message;
      if (exception.stack) attributes['exception.stacktrace'] = exception.stack;
    }
    if (attributes['exception.type'] || attributes['exception.message'])
      this.addEvent('exception', attributes, time);
    else diag.warn('Failed to record an exception', exception);
  }

  get duration(): HrTime {
    return this._duration;
  }

  get ended(): boolean {
    return this._ended;
  }

  get droppedAttributesCount(): number {
    return this._droppedAttributesCount;
  }

  get droppedEventsCount(): number {
    return this._droppedEventsCount;
  }

  get droppedLinksCount(): number {
    return this._droppedLinksCount;
  }

  private _getTime(input: TimeInput | undefined): HrTime {
    if (typeof input === 'number' && input <= performance.now())
      return hrTime(input + this._performanceOffset);
    if (typeof input === 'number') return millisToHrTime(input);
    if (input instanceof Date) return millisToHrTime(input.getTime());
    if (isTimeInputHrTime(input)) return input;
    if (this._startTimeProvided) return millisToHrTime(Date.now());
    const elapsed = performance.now() - this._performanceStartTime;
    return addHrTimes(this.startTime, millisToHrTime(elapsed));
  }

  private _isSpanEnded(): boolean {
    if (this._ended) {
      const { traceId, spanId } = this._spanContext;
      diag.warn(
        `Cannot execute the operation on ended Span {traceId: ${traceId}, spanId: ${spanId}}`,
        new Error(`Operation attempted on ended Span {traceId: ${traceId}, spanId: ${spanId}}`),
      );
    }
    return this._ended;
  }
}
