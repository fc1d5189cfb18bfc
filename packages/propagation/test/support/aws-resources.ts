// Queues, topics and polling against the emulator the integration global setup started. Clients
// are configured from the environment only (AWS_ENDPOINT_URL, AWS_REGION, credentials).
import { randomBytes } from 'node:crypto';
import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type ReceiveMessageCommandInput,
} from '@aws-sdk/client-sqs';
import type { SNSClient } from '@aws-sdk/client-sns';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { withTraceAttributeNames } from '@otel-xray/propagation';

/** A name unique to this run (no state reset in LocalStack community). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export async function createQueue(
  sqs: SQSClient,
  prefix: string,
  attributes: Record<string, string> = {},
): Promise<{ url: string; arn: string }> {
  const created = await sqs.send(
    new CreateQueueCommand({ QueueName: uniqueName(prefix), Attributes: attributes }),
  );
  const url = created.QueueUrl!;
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { url, arn: attrs.Attributes!.QueueArn! };
}

/** A topic with one SQS subscription (raw or envelope delivery) and its queue. */
export async function createTopicToQueue(
  sns: SNSClient,
  sqs: SQSClient,
  raw: boolean,
): Promise<{ topicArn: string; queueUrl: string }> {
  const topic = await sns.send(new CreateTopicCommand({ Name: uniqueName('prop-topic') }));
  const queue = await createQueue(sqs, raw ? 'prop-raw' : 'prop-envelope');
  await sns.send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn!,
      Protocol: 'sqs',
      Endpoint: queue.arn,
      Attributes: { RawMessageDelivery: raw ? 'true' : 'false' },
    }),
  );
  return { topicArn: topic.TopicArn!, queueUrl: queue.url };
}

/** Receives until `count` messages arrived or `timeoutMs` passed (SNS→SQS delivery is async). */
export async function receive(
  sqs: SQSClient,
  queueUrl: string,
  count = 1,
  timeoutMs = 15_000,
  input: Partial<ReceiveMessageCommandInput> = {},
): Promise<Message[]> {
  const messages: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  while (messages.length < count && Date.now() < deadline) {
    const out = await sqs.send(
      new ReceiveMessageCommand(
        withTraceAttributeNames({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          ...input,
        }),
      ),
    );
    messages.push(...(out.Messages ?? []));
  }
  return messages;
}
