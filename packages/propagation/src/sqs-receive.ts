import { context as api, diag, trace, type Context } from '@opentelemetry/api';
import { TRACE_HEADER_NAME } from '@otel-xray/core';
import { extractTraceHeader } from './header-context.ts';
import { setIncomingTraceHeader } from './incoming-header.ts';
import { attributeValue, record, stringField } from './internal/message-fields.ts';
import { snsEnvelopeAttributes } from './internal/sns-envelope.ts';
import { parseTraceparent } from './internal/traceparent.ts';

/** Where a message's trace context was found, in the order they are tried. */
export type MessageTraceSource = 'AWSTraceHeader' | 'message-attribute' | 'sns-envelope';

/** A message's trace context and where it came from. */
export interface MessageTrace {
  /** The base context with the message's remote parent span context set. */
  context: Context;
  /** Which carrier held it. */
  source: MessageTraceSource;
}

/**
 * Finds the trace context of an SQS message. Tried in order, first valid wins:
 * 1. the `AWSTraceHeader` system attribute (`Attributes`, or `attributes` in a Lambda SQS record);
 * 2. an `X-Amzn-Trace-Id` or `traceparent` message attribute (any name case; `StringValue`,
 *    `stringValue` or SNS raw delivery);
 * 3. the same attributes inside an SNS notification envelope in the body (`{Type, Value}`).
 *
 * Accepts SDK v3 `Message` objects, Lambda SQS event records, or anything else (garbage → `undefined`).
 * Never throws.
 * @example const found = findSqsMessageTrace(message); if (!found) diag.debug('no trace context');
 */
export function findSqsMessageTrace(
  message: unknown,
  base: Context = api.active(),
): MessageTrace | undefined {
  const msg = record(message);
  if (msg === undefined) return undefined;
  const system = record(msg.Attributes) ?? record(msg.attributes);
  const fromSystem = fromHeader(base, stringField(system, 'AWSTraceHeader'));
  if (fromSystem) return { context: fromSystem, source: 'AWSTraceHeader' };
  const fromAttrs = fromAttributes(base, msg.MessageAttributes ?? msg.messageAttributes);
  if (fromAttrs) return { context: fromAttrs, source: 'message-attribute' };
  const envelope = snsEnvelopeAttributes(msg.Body ?? msg.body);
  const fromEnvelope = envelope && fromAttributes(base, envelope);
  if (fromEnvelope) return { context: fromEnvelope, source: 'sns-envelope' };
  return undefined;
}

/**
 * The context to start an SQS message's processing span in: `base` with the message's remote
 * parent (see {@link findSqsMessageTrace} for the sources), or `base` unchanged when the message
 * carries none (logged at debug level). Never throws.
 * @example
 * const parent = extractSqsMessageContext(message);
 * tracer.startActiveSpan('orders process', { kind: SpanKind.CONSUMER }, parent, (span) => { ... });
 */
export function extractSqsMessageContext(message: unknown, base: Context = api.active()): Context {
  const found = findSqsMessageTrace(message, base);
  if (found === undefined)
    diag.debug('@otel-xray/propagation: SQS message carries no trace context');
  return found?.context ?? base;
}

function fromHeader(base: Context, value: string | undefined): Context | undefined {
  if (value === undefined) return undefined;
  const ctx = extractTraceHeader(base, value);
  return trace.getSpanContext(ctx) === trace.getSpanContext(base) ? undefined : ctx;
}

function fromAttributes(base: Context, attributes: unknown): Context | undefined {
  const header = fromHeader(base, attributeValue(attributes, TRACE_HEADER_NAME));
  if (header) return header;
  const span = parseTraceparent(attributeValue(attributes, 'traceparent'));
  return span && trace.setSpanContext(setIncomingTraceHeader(base, undefined), span);
}
