import { TRACE_MESSAGE_ATTRIBUTE_NAMES } from '@otel-xray/propagation';

/**
 * The attribute names a consumer's `ReceiveMessage` should ask for so `processMessage` finds the
 * trace context: the `AWSTraceHeader` system attribute (plus `ApproximateReceiveCount`, recorded
 * on the consumer span) and the trace message attributes.
 */
export function sqsReceiveInput(): {
  MessageSystemAttributeNames: string[];
  MessageAttributeNames: string[];
} {
  return {
    MessageSystemAttributeNames: ['AWSTraceHeader', 'ApproximateReceiveCount'],
    MessageAttributeNames: [...TRACE_MESSAGE_ATTRIBUTE_NAMES],
  };
}
