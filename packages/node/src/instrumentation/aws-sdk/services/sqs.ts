import { ROOT_CONTEXT, SpanKind, propagation, trace, type Span } from '@opentelemetry/api';
import { xrayAwsSdkHooks, withTraceAttributeNames } from '@otel-xray/propagation';
import { queueNameOf } from '../../../internal/queue-name.ts';
import type { AwsSdkCall, ServiceExtension } from '../aws-sdk-call.ts';
import {
  injectMessageAttributes,
  messageAttributeGetter,
  messageCarrier,
  withPropagationFields,
} from '../message-attributes.ts';

type ReceiveInput = Parameters<typeof withTraceAttributeNames>[0];

// Our own ReceiveMessage links (AWSTraceHeader, SNS envelope), exactly as in the otel mode.
const xrayHooks = xrayAwsSdkHooks();

/**
 * SQS: `<queue> send` (PRODUCER) for SendMessage(Batch), `<queue> receive` (CONSUMER) for
 * ReceiveMessage, trace context in each message's attributes, and the received messages' contexts
 * as links (message attributes or SNS envelope, then `AWSTraceHeader`).
 */
export const sqsExtension: ServiceExtension = {
  start(call, attributes) {
    const queueUrl = call.input.QueueUrl as string | undefined;
    const queueName = queueNameOf(queueUrl);
    attributes['messaging.system'] = 'aws_sqs';
    if (queueName !== undefined) attributes['messaging.destination.name'] = queueName;
    if (queueUrl !== undefined) attributes['url.full'] = queueUrl;
    switch (call.command) {
      case 'ReceiveMessage':
        call.kind = SpanKind.CONSUMER;
        attributes['messaging.operation.type'] = 'receive';
        call.input.MessageAttributeNames = withPropagationFields(call.input.MessageAttributeNames);
        // What xrayAwsSdkHooks().preRequestHook adds: AWSTraceHeader and the trace attributes.
        Object.assign(call.input, withTraceAttributeNames(call.input as unknown as ReceiveInput));
        return `${String(queueName)} receive`;
      case 'SendMessage':
      case 'SendMessageBatch':
        call.kind = SpanKind.PRODUCER;
        return `${String(queueName)} send`;
      default:
        return undefined;
    }
  },
  inject(call, context) {
    if (call.command === 'SendMessage') {
      call.input.MessageAttributes = injectMessageAttributes(
        call.input.MessageAttributes as Record<string, unknown> | undefined,
        context,
      );
    } else if (call.command === 'SendMessageBatch') {
      const entries = call.input.Entries;
      if (!Array.isArray(entries)) return;
      for (const entry of entries as Array<Record<string, unknown>>)
        entry.MessageAttributes = injectMessageAttributes(
          entry.MessageAttributes as Record<string, unknown> | undefined,
          context,
        );
    }
  },
  respond(call, span, output) {
    if (call.command === 'SendMessage') {
      const id = output.MessageId as string | undefined;
      if (id !== undefined) span.setAttribute('messaging.message.id', id);
    } else if (call.command === 'ReceiveMessage') {
      const messages = (output.Messages as Array<Record<string, unknown>> | undefined) ?? [];
      span.setAttribute('messaging.batch.message_count', messages.length);
      for (const message of messages) linkMessage(span, message);
      xrayHooks.responseHook(span, {
        response: { data: output, request: requestOf(call), requestId: '' },
      });
    }
  },
};

/** The link `@opentelemetry/instrumentation-aws-sdk` adds for a received message. */
function linkMessage(span: Span, message: Record<string, unknown>): void {
  const remote = trace.getSpanContext(
    propagation.extract(ROOT_CONTEXT, messageCarrier(message), messageAttributeGetter),
  );
  if (remote === undefined) return;
  span.addLink({
    context: remote,
    attributes: { 'messaging.message.id': message.MessageId as string | undefined },
  });
}

function requestOf(call: AwsSdkCall): {
  serviceName: string;
  commandName: string;
  commandInput: Record<string, unknown>;
} {
  return { serviceName: call.service, commandName: call.command, commandInput: call.input };
}
