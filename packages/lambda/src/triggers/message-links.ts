// One link per SQS or SNS record to the producer's span, the semantics of X-Ray's "tracing
// event-driven applications": producer traces are linked from the consumer's, not continued.
import {
  ROOT_CONTEXT,
  trace,
  type Attributes,
  type Link,
  type SpanContext,
} from '@opentelemetry/api';
import { findSqsMessageTrace } from '@otel-xray/propagation';
import type { TriggerKind } from './detect-trigger.ts';
import { arnName, objectOf, recordsOf, textOf } from './event-fields.ts';

/** The producer's span context of one SQS record (`attributes.AWSTraceHeader` first) or SNS record. */
export function recordProducer(record: unknown, kind: TriggerKind): SpanContext | undefined {
  const fields = objectOf(record);
  const carrier =
    kind === 'sns' ? { messageAttributes: objectOf(fields?.Sns)?.MessageAttributes } : record;
  const found = findSqsMessageTrace(carrier, ROOT_CONTEXT);
  return found && trace.getSpanContext(found.context);
}

/** The message id of a record (SQS `messageId`, SNS `Sns.MessageId`). */
export function recordMessageId(record: unknown): string | undefined {
  const fields = objectOf(record);
  return textOf(fields?.messageId) ?? textOf(objectOf(fields?.Sns)?.MessageId);
}

/**
 * Links of a batch: one per record that carries a producer context, except the invocation's own
 * parent (a batch of one may arrive continuing the producer's trace). Pure; never throws.
 */
export function batchLinks(event: unknown, kind: TriggerKind, parent?: SpanContext): Link[] {
  const links: Link[] = [];
  for (const record of recordsOf(event) ?? []) {
    const producer = recordProducer(record, kind);
    if (producer === undefined) continue;
    if (parent?.spanId === producer.spanId && parent.traceId === producer.traceId) continue;
    const id = recordMessageId(record);
    links.push({ context: producer, attributes: id ? { 'messaging.message.id': id } : {} });
  }
  return links;
}

/** Messaging attributes of an SQS or SNS batch. Pure. */
export function batchAttributes(event: unknown, kind: TriggerKind): Attributes {
  const records = recordsOf(event) ?? [];
  const first = records[0];
  const source =
    kind === 'sns' ? objectOf(first?.Sns)?.TopicArn : (first?.eventSourceARN ?? undefined);
  const out: Attributes = {
    'messaging.system': kind === 'sns' ? 'aws_sns' : 'aws_sqs',
    'messaging.operation.type': 'process',
    'messaging.batch.message_count': records.length,
  };
  const name = arnName(source);
  if (name !== undefined) out['messaging.destination.name'] = name;
  const arn = textOf(source);
  if (arn !== undefined) out[kind === 'sns' ? 'aws.sns.topic.arn' : 'aws.sqs.queue.arn'] = arn;
  return out;
}

/** Item identifiers of a partial-batch response (`{ batchItemFailures: [{ itemIdentifier }] }`). */
export function batchItemFailures(result: unknown): string[] | undefined {
  const failures = objectOf(result)?.batchItemFailures;
  if (!Array.isArray(failures)) return undefined;
  return failures.map((f) => textOf(objectOf(f)?.itemIdentifier) ?? '').filter((id) => id !== '');
}
