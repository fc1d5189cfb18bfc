import { TRACE_MESSAGE_ATTRIBUTE_NAMES } from '@otel-xray/propagation';

/**
 * What {@link sqsReceiveInput} returns: spread into `ReceiveMessageCommand`'s input. The system
 * attribute names are string literals, so they fit `@aws-sdk/client-sqs`'s
 * `MessageSystemAttributeName[]` without this package depending on the SDK.
 */
export interface SqsReceiveInput {
  MessageSystemAttributeNames: ('AWSTraceHeader' | 'ApproximateReceiveCount')[];
  MessageAttributeNames: string[];
}

/**
 * The attribute names a consumer's `ReceiveMessage` should ask for so `processMessage` finds the
 * trace context: the `AWSTraceHeader` system attribute (plus `ApproximateReceiveCount`, recorded
 * on the consumer span) and the trace message attributes.
 */
export function sqsReceiveInput(): SqsReceiveInput {
  return {
    MessageSystemAttributeNames: ['AWSTraceHeader', 'ApproximateReceiveCount'],
    MessageAttributeNames: [...TRACE_MESSAGE_ATTRIBUTE_NAMES],
  };
}
