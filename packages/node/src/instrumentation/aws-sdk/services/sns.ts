import { SpanKind } from '@opentelemetry/api';
import type { ServiceExtension } from '../aws-sdk-call.ts';
import { injectMessageAttributes } from '../message-attributes.ts';

/** What a `Publish` names as its destination: the topic or target ARN's last part, or the phone number. */
export function snsDestinationOf(input: Record<string, unknown>): string {
  const arn = (input.TopicArn || input.TargetArn) as string | undefined;
  if (arn) return typeof arn === 'string' ? arn.slice(arn.lastIndexOf(':') + 1) : arn;
  return (input.PhoneNumber as string | undefined) || 'unknown';
}

/**
 * SNS: `<topic> send` (PRODUCER) for `Publish` with the trace context in its message attributes,
 * `SNS <Command>` otherwise; `aws.sns.topic.arn` from the input or the output (`CreateTopic`).
 */
export const snsExtension: ServiceExtension = {
  start(call, attributes) {
    const input = call.input;
    attributes['messaging.system'] = 'aws.sns';
    let name = `SNS ${call.command}`;
    if (call.command === 'Publish') {
      call.kind = SpanKind.PRODUCER;
      const destination = snsDestinationOf(input);
      attributes['messaging.destination_kind'] = 'topic';
      attributes['messaging.destination'] = destination;
      attributes['messaging.destination.name'] =
        input.TopicArn || input.TargetArn || input.PhoneNumber || 'unknown';
      name = `${input.PhoneNumber ? 'phone_number' : destination} send`;
    }
    if (input.TopicArn) attributes['aws.sns.topic.arn'] = input.TopicArn;
    return name;
  },
  inject(call, context) {
    if (call.command !== 'Publish') return;
    call.input.MessageAttributes = injectMessageAttributes(
      call.input.MessageAttributes as Record<string, unknown> | undefined,
      context,
    );
  },
  respond(_call, span, output) {
    if (output.TopicArn) span.setAttribute('aws.sns.topic.arn', output.TopicArn);
  },
};
