import { describe, it, expect } from 'vitest';
import { regionOfQueueArn, sqsRecord } from '../../src/lambda/sqs/sqs-event.ts';
import { producerLinks } from '../../src/lambda/sqs/producer-links.ts';

const arn = 'arn:aws:sqs:us-east-2:123456789012:my-queue';
const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

describe('sqsRecord', () => {
  describe('for a received message', () => {
    it('builds the record as Lambda sends it', () => {
      const r = sqsRecord(
        {
          MessageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
          ReceiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
          Body: 'Test message.',
          MD5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
          MD5OfMessageAttributes: '00484c68',
          Attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: '1545082649183',
            AWSTraceHeader: header,
          },
          MessageAttributes: {
            kind: { DataType: 'String', StringValue: 'order' },
            blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
          },
        },
        arn,
        'us-east-2',
      );
      expect(r).toEqual({
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
        body: 'Test message.',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1545082649183',
          AWSTraceHeader: header,
        },
        messageAttributes: {
          kind: {
            stringValue: 'order',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'String',
          },
          blob: {
            binaryValue: 'AQID',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'Binary',
          },
        },
        md5OfMessageAttributes: '00484c68',
        md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
        eventSource: 'aws:sqs',
        eventSourceARN: arn,
        awsRegion: 'us-east-2',
      });
    });
  });
});

describe('regionOfQueueArn', () => {
  it('reads the region, or nothing from another ARN', () => {
    expect(regionOfQueueArn(arn)).toBe('us-east-2');
    expect(regionOfQueueArn('arn:aws:sns:us-east-2:1:t')).toBeUndefined();
    expect(regionOfQueueArn('nope')).toBeUndefined();
  });
});

describe('producerLinks', () => {
  const rec = (id: string, trace?: string) =>
    sqsRecord(
      { MessageId: id, Attributes: trace ? { AWSTraceHeader: trace } : {} },
      arn,
      'us-east-2',
    );

  it('links each record with a trace header to its producer, skipping the others', () => {
    expect(
      producerLinks([
        rec('m1', header),
        rec('m2'),
        rec('m3', 'Root=bad'),
        rec('m4', 'Root=1-5759e988-bd862e3fe1be46a994272793'),
      ]),
    ).toEqual([
      {
        trace_id: '1-5759e988-bd862e3fe1be46a994272793',
        id: '53995c3f42cd8ad8',
        attributes: { 'messaging.message.id': 'm1' },
      },
    ]);
  });

  it('stops at 20 links, X-Ray’s limit per segment', () => {
    const many = Array.from({ length: 25 }, (_, i) => rec(`m${i}`, header));
    expect(producerLinks(many)).toHaveLength(20);
  });
});
