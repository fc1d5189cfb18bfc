import { describe, expect, it } from 'vitest';
import { inferredNode } from '../../src/query/inferred-node.ts';

describe('inferredNode', () => {
  describe('aws calls', () => {
    it.each([
      [
        { name: 'SQS', aws: { queue_url: 'https://sqs.us-east-1.amazonaws.com/123/orders-queue' } },
        { name: 'orders-queue', type: 'AWS::SQS::Queue' },
      ],
      [
        { name: 'SNS', aws: { topic_arn: 'arn:aws:sns:us-east-1:123:orders' } },
        { name: 'orders', type: 'AWS::SNS::Topic' },
      ],
      [
        { name: 'DynamoDB', aws: { table_name: 'stock' } },
        { name: 'stock', type: 'AWS::DynamoDB::Table' },
      ],
      [
        { name: 'S3', aws: { operation: 'PutObject' } },
        { name: 'S3', type: 'AWS::S3' },
      ],
      [
        { name: 'Amazon SNS', aws: {} },
        { name: 'Amazon SNS', type: 'AWS::SNS' },
      ],
    ])('names %j', (sub, node) => {
      expect(inferredNode({ namespace: 'aws', ...sub })).toEqual(node);
    });
  });

  describe('other calls', () => {
    it('gives remote nodes for remote calls and nothing for local work', () => {
      expect(inferredNode({ namespace: 'remote', name: 'api.example.com' })).toEqual({
        name: 'api.example.com',
        type: 'remote',
      });
      expect(inferredNode({ name: 'compute' })).toBeUndefined();
    });
  });
});
