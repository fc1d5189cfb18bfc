import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { findSqsMessageTrace } from '@otel-xray/propagation';
import { queueNameOf } from './internal/queue-name.ts';

/** Where a message came from, for the consumer span's attributes. */
export interface ProcessMessageOptions {
  /** Queue URL the message was received from. */
  queueUrl: string;
}

/**
 * The parts of an SQS `Message` (`@aws-sdk/client-sqs`, or a Lambda SQS record's camel-case
 * twin) that `processMessage` reads. Optional members accept `undefined`, as the SDK's do, so it
 * compiles under `exactOptionalPropertyTypes`.
 */
export interface SqsMessageLike {
  MessageId?: string | undefined;
  Attributes?: Partial<Record<string, string>> | undefined;
  MessageAttributes?: Partial<Record<string, unknown>> | undefined;
  Body?: string | undefined;
}

const TRACER = '@otel-xray/node';

/**
 * Processes one SQS message inside a CONSUMER span — an X-Ray segment of this service — whose
 * parent is the message's trace context (the `AWSTraceHeader` system attribute, else an
 * `X-Amzn-Trace-Id`/`traceparent` message attribute, else the SNS envelope's attributes) and which
 * also links to it. A message without context starts a new trace. An error is recorded (fault)
 * and rethrown, so the message is retried and eventually dead-lettered.
 * @example await processMessage(message, { queueUrl }, async () => reserve(JSON.parse(message.Body)));
 */
export async function processMessage<T>(
  message: SqsMessageLike,
  options: ProcessMessageOptions,
  fn: (span: Span) => Promise<T> | T,
): Promise<T> {
  const found = findSqsMessageTrace(message, ROOT_CONTEXT);
  const parent = found?.context ?? ROOT_CONTEXT;
  const remote = trace.getSpanContext(parent);
  const queueName = queueNameOf(options.queueUrl) ?? '';
  const span = trace.getTracer(TRACER).startSpan(
    `${queueName} process`,
    {
      kind: SpanKind.CONSUMER,
      links: remote ? [{ context: remote }] : [],
      attributes: {
        'messaging.system': 'aws_sqs',
        'messaging.operation.type': 'process',
        'messaging.destination.name': queueName,
        'messaging.url': options.queueUrl,
        ...(message.MessageId ? { 'messaging.message.id': message.MessageId } : {}),
        ...(message.Attributes?.ApproximateReceiveCount
          ? { 'aws.sqs.receive_count': Number(message.Attributes.ApproximateReceiveCount) }
          : {}),
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  } finally {
    span.end();
  }
}
