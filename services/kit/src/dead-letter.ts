import { SendMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { activeSpan, setAnnotation } from '@otel-xray/node';
import type { ServiceLogger } from './log.ts';

/**
 * Sends a message a consumer cannot use (not JSON, missing fields) to its dead-letter queue at
 * once, with the body unchanged, the reason as a message attribute and the original
 * `AWSTraceHeader` kept — as SQS itself does when it moves a message after `maxReceiveCount`.
 */
export async function sendToDeadLetterQueue(
  sqs: SQSClient,
  dlqUrl: string,
  message: Message,
  reason: string,
): Promise<void> {
  const header = message.Attributes?.AWSTraceHeader;
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: message.Body || '(empty)',
      MessageAttributes: { reason: { DataType: 'String', StringValue: reason } },
      ...(header
        ? {
            MessageSystemAttributes: {
              AWSTraceHeader: { DataType: 'String', StringValue: header },
            },
          }
        : {}),
    }),
  );
}

/**
 * What a consumer does with a message it cannot use: logs it, marks its segment with the
 * `dead_lettered` annotation and sends it to the DLQ with {@link sendToDeadLetterQueue}.
 */
export async function rejectUnusable(
  message: Message,
  reason: string,
  to: {
    sqs: SQSClient;
    dlqUrl: string;
    log: ServiceLogger;
  },
): Promise<void> {
  to.log.warn({ messageId: message.MessageId, reason }, 'unusable message sent to the DLQ');
  setAnnotation(activeSpan(), 'dead_lettered', reason);
  await sendToDeadLetterQueue(to.sqs, to.dlqUrl, message, reason);
}
