import {
  SQSClient,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { SNSClient, CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { MAX_RECEIVE_COUNT } from './receive-limit.ts';

/** What {@link provision} created: ARNs, URLs and the env lines the services read. */
export interface Provisioned {
  topicArn: string;
  queues: Record<QueueKey, { url: string; arn: string }>;
  /** Environment for the three services (ORDERS_TOPIC_ARN, INVENTORY_QUEUE_URL, …). */
  env: Record<string, string>;
}

type QueueKey =
  | 'inventory'
  | 'inventoryDlq'
  | 'shipping'
  | 'shippingDlq'
  | 'audit'
  | 'notifications'
  | 'notificationsDlq';

export { MAX_RECEIVE_COUNT };

/**
 * Visibility timeout of the notifications queue, s: Lambda requires at least the function's
 * timeout (3 s); short, so a failed notification comes back (and reaches its DLQ) within seconds.
 */
export const NOTIFICATIONS_VISIBILITY_TIMEOUT = 4;

/**
 * The queue policy SNS needs on real AWS to deliver to a queue (LocalStack does not enforce it;
 * we create it anyway so the same provisioning works against AWS).
 */
export function snsDeliveryPolicy(queueArn: string, topicArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowTopicDelivery',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      },
    ],
  });
}

/**
 * Creates (idempotently) the topic, queues, DLQs, subscriptions and policies of the sample
 * system. Names are prefixed so runs never collide. `inventory` gets the SNS envelope
 * (raw delivery off), `audit` (the fan-out branch) and `notifications` (the Lambda function's
 * queue) raw delivery.
 */
export async function provision(
  prefix: string,
  clients?: { sqs?: SQSClient; sns?: SNSClient },
): Promise<Provisioned> {
  const sqs = clients?.sqs ?? new SQSClient({});
  const sns = clients?.sns ?? new SNSClient({});
  try {
    return await provisionWith(prefix, sqs, sns);
  } finally {
    // clients made here are closed here: idle keep-alive sockets would hold up the emulator's shutdown
    if (!clients?.sqs) sqs.destroy();
    if (!clients?.sns) sns.destroy();
  }
}

async function provisionWith(prefix: string, sqs: SQSClient, sns: SNSClient): Promise<Provisioned> {
  const queue = async (
    name: string,
    attributes: Record<string, string> = {},
  ): Promise<{ url: string; arn: string }> => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: `${prefix}-${name}`, Attributes: attributes }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return { url: QueueUrl!, arn: Attributes!.QueueArn! };
  };
  const redrive = (dlqArn: string): Record<string, string> => ({
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: dlqArn,
      maxReceiveCount: MAX_RECEIVE_COUNT,
    }),
  });
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `${prefix}-orders` }));
  const topicArn = TopicArn!;
  const inventoryDlq = await queue('inventory-dlq');
  const shippingDlq = await queue('shipping-dlq');
  const inventory = await queue('inventory', redrive(inventoryDlq.arn));
  const shipping = await queue('shipping', redrive(shippingDlq.arn));
  const audit = await queue('audit');
  const notificationsDlq = await queue('notifications-dlq');
  const notifications = await queue('notifications', {
    ...redrive(notificationsDlq.arn),
    VisibilityTimeout: String(NOTIFICATIONS_VISIBILITY_TIMEOUT),
  });
  for (const [q, raw] of [
    [inventory, false],
    [audit, true],
    [notifications, true],
  ] as const) {
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: q.url,
        Attributes: { Policy: snsDeliveryPolicy(q.arn, topicArn) },
      }),
    );
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: q.arn,
        Attributes: { RawMessageDelivery: String(raw) },
        ReturnSubscriptionArn: true,
      }),
    );
  }
  const queues = {
    inventory,
    inventoryDlq,
    shipping,
    shippingDlq,
    audit,
    notifications,
    notificationsDlq,
  };
  return {
    topicArn,
    queues,
    env: {
      ORDERS_TOPIC_ARN: topicArn,
      INVENTORY_QUEUE_URL: inventory.url,
      INVENTORY_DLQ_URL: inventoryDlq.url,
      SHIPPING_QUEUE_URL: shipping.url,
      SHIPPING_DLQ_URL: shippingDlq.url,
      AUDIT_QUEUE_URL: audit.url,
      NOTIFICATIONS_QUEUE_URL: notifications.url,
      NOTIFICATIONS_DLQ_URL: notificationsDlq.url,
    },
  };
}
