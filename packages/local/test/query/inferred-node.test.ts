import { describe, expect, it } from 'vitest';
import { inferredNode } from '../../src/query/inferred-node.ts';

describe('inferredNode', () => {
  describe('aws calls', () => {
    it.each([
      [
        { name: 'SQS', aws: { queue_url: 'https://sqs.us-east-1.amazonaws.com/123/orders-queue' } },
        { name: 'SQS', type: 'AWS::SQS::Queue', resource: 'orders-queue' },
      ],
      [
        { name: 'SNS', aws: { topic_arn: 'arn:aws:sns:us-east-1:123:orders' } },
        { name: 'SNS', type: 'AWS::SNS', resource: 'orders' },
      ],
      [
        { name: 'DynamoDB', aws: { table_name: 'stock' } },
        { name: 'DynamoDB', type: 'AWS::DynamoDB::Table', resource: 'stock' },
      ],
      [
        { name: 'S3', aws: { operation: 'PutObject', bucket_name: 'raw' } },
        { name: 'S3', type: 'AWS::S3::Bucket', resource: 'raw' },
      ],
      [
        { name: 'S3', aws: { operation: 'ListBuckets' } },
        { name: 'S3', type: 'AWS::S3' },
      ],
      [
        { name: 'Events', aws: { operation: 'PutEvents' } },
        { name: 'Events', type: 'AWS::Events' },
      ],
      [
        { name: 'Amazon SNS', aws: {} },
        { name: 'Amazon SNS', type: 'AWS::SNS' },
      ],
    ])('names %j after the subsegment, as X-Ray does', (sub, node) => {
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
