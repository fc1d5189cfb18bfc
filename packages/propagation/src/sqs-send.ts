import { context as api, type Context } from '@opentelemetry/api';
import type {
  MessageSystemAttributeValue,
  SendMessageBatchCommandInput,
  SendMessageCommandInput,
} from '@aws-sdk/client-sqs';
import { traceHeaderForContext } from './header-context.ts';

type SystemAttributes = SendMessageCommandInput['MessageSystemAttributes'];

/**
 * A copy of a `SendMessage` input whose `MessageSystemAttributes.AWSTraceHeader` carries the span
 * context of `ctx` (default: the active one). SQS stores it with the message; it overrides the
 * HTTP header and does not count against the 10 message attributes. An `AWSTraceHeader` already
 * on the input keeps its `Lineage` and unknown fields. Without a valid span context, or for
 * anything that is not an input object, the input is returned as it is. Never throws.
 * @example await sqs.send(new SendMessageCommand(injectSqsSendMessage({ QueueUrl, MessageBody })));
 */
export function injectSqsSendMessage<T extends SendMessageCommandInput>(
  input: T,
  ctx: Context = api.active(),
): T {
  if (typeof input !== 'object' || input === null) return input;
  const attributes = withTraceHeader(input.MessageSystemAttributes, ctx);
  return attributes === undefined ? input : { ...input, MessageSystemAttributes: attributes };
}

/**
 * A copy of a `SendMessageBatch` input where every entry carries `AWSTraceHeader` for `ctx`
 * (default: the active one), as {@link injectSqsSendMessage} does for one message. Never throws.
 * @example await sqs.send(new SendMessageBatchCommand(injectSqsSendMessageBatch({ QueueUrl, Entries })));
 */
export function injectSqsSendMessageBatch<T extends SendMessageBatchCommandInput>(
  input: T,
  ctx: Context = api.active(),
): T {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.Entries)) return input;
  if (traceHeaderForContext(ctx) === undefined) return input;
  const entries = input.Entries.map((entry) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const attributes = withTraceHeader(entry.MessageSystemAttributes, ctx);
    return attributes === undefined ? entry : { ...entry, MessageSystemAttributes: attributes };
  });
  return { ...input, Entries: entries };
}

function withTraceHeader(existing: SystemAttributes, ctx: Context): SystemAttributes {
  const old: MessageSystemAttributeValue | undefined = existing?.AWSTraceHeader;
  const oldValue = typeof old?.StringValue === 'string' ? old.StringValue : undefined;
  const value = traceHeaderForContext(ctx, oldValue);
  if (value === undefined) return undefined;
  return { ...existing, AWSTraceHeader: { DataType: 'String', StringValue: value } };
}
