import { describe, it, expect } from 'vitest';
import { SQSClient, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  SNSClient,
  ListSubscriptionsByTopicCommand,
  GetSubscriptionAttributesCommand,
} from '@aws-sdk/client-sns';
import { provision, MAX_RECEIVE_COUNT } from '../src/provision.ts';

describe('provision', () => {
  describe('against the emulator', () => {
    it('creates topic, queues, DLQs, policies and subscriptions, idempotently', async () => {
      const prefix = `prov-${Date.now().toString(36)}`;
      const first = await provision(prefix);
      const second = await provision(prefix);
      expect(second.env).toEqual(first.env);
      const sqs = new SQSClient({});
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: first.queues.inventory.url,
          AttributeNames: ['All'],
        }),
      );
      expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({
        deadLetterTargetArn: first.queues.inventoryDlq.arn,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      });
      expect(
        JSON.parse(Attributes!.Policy!).Statement[0].Condition.ArnEquals['aws:SourceArn'],
      ).toBe(first.topicArn);
      const sns = new SNSClient({});
      const subs = await sns.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: first.topicArn }),
      );
      expect(subs.Subscriptions?.map((s) => s.Endpoint).sort()).toEqual(
        [first.queues.inventory.arn, first.queues.audit.arn, first.queues.notifications.arn].sort(),
      );
      const raw = new Map<string, string | undefined>();
      for (const s of subs.Subscriptions ?? []) {
        const attrs = await sns.send(
          new GetSubscriptionAttributesCommand({ SubscriptionArn: s.SubscriptionArn }),
        );
        raw.set(s.Endpoint!, attrs.Attributes?.RawMessageDelivery);
      }
      expect(raw.get(first.queues.inventory.arn)).toBe('false');
      expect(raw.get(first.queues.audit.arn)).toBe('true');
      expect(raw.get(first.queues.notifications.arn)).toBe('true');
    });
  });
});
