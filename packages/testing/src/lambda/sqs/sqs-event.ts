// The event Lambda's SQS event-source mapping sends a function ("Using Lambda with Amazon SQS",
// example event): camel-cased record fields, system attributes as strings (AWSTraceHeader among
// them when the message carries one), message attributes with base64 binary values.
import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';

/** One message attribute as Lambda passes it. */
export interface SqsRecordAttribute {
  stringValue?: string;
  /** Base64. */
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

/** One record of an SQS event. */
export interface SqsRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** System attributes: ApproximateReceiveCount, SentTimestamp, SenderId, AWSTraceHeader, … */
  attributes: Record<string, string>;
  messageAttributes: Record<string, SqsRecordAttribute>;
  md5OfMessageAttributes?: string;
  md5OfBody: string;
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
}

/** The event of one batch. */
export interface SqsEvent {
  Records: SqsRecord[];
}

const base64 = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('base64');

function attribute(value: MessageAttributeValue): SqsRecordAttribute {
  const binary = base64(value.BinaryValue);
  return {
    ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
    ...(binary !== undefined ? { binaryValue: binary } : {}),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map((b) => base64(b) ?? ''),
    dataType: value.DataType ?? 'String',
  };
}

/** The record Lambda builds from a received message. */
export function sqsRecord(message: Message, queueArn: string, region: string): SqsRecord {
  const messageAttributes: Record<string, SqsRecordAttribute> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = attribute(value);
  }
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: { ...(message.Attributes ?? {}) },
    messageAttributes,
    ...(message.MD5OfMessageAttributes !== undefined
      ? { md5OfMessageAttributes: message.MD5OfMessageAttributes }
      : {}),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/** `arn:aws:sqs:{region}:{account}:{name}` → region (undefined when not an SQS ARN). */
export function regionOfQueueArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts[2] === 'sqs' && parts[3] ? parts[3] : undefined;
}
