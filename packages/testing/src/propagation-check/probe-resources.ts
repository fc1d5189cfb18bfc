// Throwaway queues and a topic for the propagation probe, created under a unique prefix and
// deleted afterwards (whatever part of them exists).
import {
  CreateTopicCommand,
  DeleteTopicCommand,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import type { ProbeClients } from './probe-clients.ts';

/** What the probe created; filled in as creation proceeds. */
export interface ProbeResources {
  /** Queue of the SQS checks. */
  queueUrl?: string;
  /** Queue subscribed to the topic with raw delivery. */
  rawQueueUrl?: string;
  /** Queue subscribed to the topic with the JSON envelope. */
  envelopeQueueUrl?: string;
  topicArn?: string;
  subscriptionArns: string[];
}

/** Creates the queues, the topic and both subscriptions, recording each in `created`. */
export async function createProbeResources(
  clients: ProbeClients,
  prefix: string,
  created: ProbeResources,
): Promise<Required<ProbeResources>> {
  const topic = await clients.sns.send(new CreateTopicCommand({ Name: `${prefix}-topic` }));
  const topicArn = required(topic.TopicArn, 'CreateTopic returned no TopicArn');
  created.topicArn = topicArn;
  created.queueUrl = await createQueue(clients, `${prefix}-sqs`);
  created.rawQueueUrl = await createQueue(clients, `${prefix}-raw`);
  created.envelopeQueueUrl = await createQueue(clients, `${prefix}-env`);
  for (const [queueUrl, raw] of [
    [created.rawQueueUrl, true],
    [created.envelopeQueueUrl, false],
  ] as const) {
    const queueArn = await allowTopic(clients, queueUrl, topicArn);
    const subscribed = await clients.sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: queueArn,
        Attributes: raw ? { RawMessageDelivery: 'true' } : {},
        ReturnSubscriptionArn: true,
      }),
    );
    if (subscribed.SubscriptionArn) created.subscriptionArns.push(subscribed.SubscriptionArn);
  }
  return created as Required<ProbeResources>;
}

/** Deletes everything in `created`; errors are ignored (the emulator may already be gone). */
export async function deleteProbeResources(
  clients: ProbeClients,
  created: ProbeResources,
): Promise<void> {
  const quietly = (p: Promise<unknown>): Promise<unknown> => p.catch(() => undefined);
  await Promise.all(
    created.subscriptionArns.map((arn) =>
      quietly(clients.sns.send(new UnsubscribeCommand({ SubscriptionArn: arn }))),
    ),
  );
  const queues = [created.queueUrl, created.rawQueueUrl, created.envelopeQueueUrl];
  await Promise.all([
    ...queues.map((url) =>
      url ? quietly(clients.sqs.send(new DeleteQueueCommand({ QueueUrl: url }))) : undefined,
    ),
    created.topicArn
      ? quietly(clients.sns.send(new DeleteTopicCommand({ TopicArn: created.topicArn })))
      : undefined,
  ]);
}

async function createQueue(clients: ProbeClients, name: string): Promise<string> {
  const out = await clients.sqs.send(new CreateQueueCommand({ QueueName: name }));
  return required(out.QueueUrl, `CreateQueue ${name} returned no QueueUrl`);
}

// AWS delivers from SNS only when the queue policy allows the topic; emulators skip the check.
async function allowTopic(clients: ProbeClients, queueUrl: string, topicArn: string) {
  const attributes = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = required(attributes.Attributes?.QueueArn, 'GetQueueAttributes: no QueueArn');
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      },
    ],
  };
  await clients.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: queueUrl,
      Attributes: { Policy: JSON.stringify(policy) },
    }),
  );
  return queueArn;
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(message);
  return value;
}
