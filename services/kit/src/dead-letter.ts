import { SendMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

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
