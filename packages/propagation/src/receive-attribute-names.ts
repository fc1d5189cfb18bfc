import type { ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import type { MessageSystemAttributeName } from '@aws-sdk/client-sqs';

/** Message attribute names other producers use for trace context (SQS names are case-sensitive). */
export const TRACE_MESSAGE_ATTRIBUTE_NAMES: readonly string[] = [
  'X-Amzn-Trace-Id',
  'x-amzn-trace-id',
  'traceparent',
];

const TRACE_HEADER: MessageSystemAttributeName = 'AWSTraceHeader';

/**
 * A copy of a `ReceiveMessage` input that also asks for what {@link extractSqsMessageContext}
 * reads: the `AWSTraceHeader` system attribute and the trace message attributes. `All`/`.*` are
 * left alone. When only the deprecated `AttributeNames` is set, its names are copied into
 * `MessageSystemAttributeNames` too, because some servers (LocalStack) read only one of the two.
 * Never throws.
 * @example await sqs.send(new ReceiveMessageCommand(withTraceAttributeNames({ QueueUrl })));
 */
export function withTraceAttributeNames<T extends ReceiveMessageCommandInput>(input: T): T {
  if (typeof input !== 'object' || input === null) return input;
  const out: T = { ...input };
  const legacy = Array.isArray(input.AttributeNames) ? (input.AttributeNames as string[]) : [];
  const system = Array.isArray(input.MessageSystemAttributeNames)
    ? input.MessageSystemAttributeNames
    : (legacy as MessageSystemAttributeName[]);
  if (!system.includes('All') && !system.includes(TRACE_HEADER))
    out.MessageSystemAttributeNames = [...system, TRACE_HEADER];
  const names = Array.isArray(input.MessageAttributeNames) ? input.MessageAttributeNames : [];
  if (!names.includes('All') && !names.includes('.*'))
    out.MessageAttributeNames = [
      ...names,
      ...TRACE_MESSAGE_ATTRIBUTE_NAMES.filter((name) => !names.includes(name)),
    ];
  return out;
}
