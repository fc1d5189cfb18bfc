import { describe, it, expect } from 'vitest';
import { snsDeliveryPolicy } from '../src/provision.ts';

describe('provision', () => {
  describe('snsDeliveryPolicy', () => {
    it('lets only the topic send to the queue, as real SNS requires', () => {
      const policy = JSON.parse(
        snsDeliveryPolicy(
          'arn:aws:sqs:us-east-1:000000000000:q',
          'arn:aws:sns:us-east-1:000000000000:t',
        ),
      );
      expect(policy.Statement).toEqual([
        {
          Sid: 'AllowTopicDelivery',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-1:000000000000:q',
          Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:000000000000:t' } },
        },
      ]);
    });
  });
});
