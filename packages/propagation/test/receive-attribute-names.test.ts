import { describe, expect, it } from 'vitest';
import type { ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import { withTraceAttributeNames } from '@otel-xray/propagation';

const QueueUrl = 'http://127.0.0.1:4566/000000000000/q';

describe('withTraceAttributeNames', () => {
  describe('an input without names', () => {
    it('asks for AWSTraceHeader and the trace message attributes', () => {
      expect(withTraceAttributeNames({ QueueUrl })).toEqual({
        QueueUrl,
        MessageSystemAttributeNames: ['AWSTraceHeader'],
        MessageAttributeNames: ['X-Amzn-Trace-Id', 'x-amzn-trace-id', 'traceparent'],
      });
    });
  });

  describe('an input with names', () => {
    it('adds to the lists without duplicates and without touching the input', () => {
      const input: ReceiveMessageCommandInput = {
        QueueUrl,
        MessageSystemAttributeNames: ['SentTimestamp'],
        MessageAttributeNames: ['traceparent', 'tenant'],
      };
      expect(withTraceAttributeNames(input)).toEqual({
        QueueUrl,
        MessageSystemAttributeNames: ['SentTimestamp', 'AWSTraceHeader'],
        MessageAttributeNames: ['traceparent', 'tenant', 'X-Amzn-Trace-Id', 'x-amzn-trace-id'],
      });
      expect(input.MessageSystemAttributeNames).toEqual(['SentTimestamp']);
    });
    it('leaves All and .* alone', () => {
      const input: ReceiveMessageCommandInput = {
        QueueUrl,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['.*'],
      };
      expect(withTraceAttributeNames(input)).toEqual(input);
      expect(
        withTraceAttributeNames({
          QueueUrl,
          MessageAttributeNames: ['All'],
          AttributeNames: ['All'],
        }),
      ).toEqual({ QueueUrl, MessageAttributeNames: ['All'], AttributeNames: ['All'] });
    });
    it('copies the deprecated AttributeNames into MessageSystemAttributeNames', () => {
      const input: ReceiveMessageCommandInput = { QueueUrl, AttributeNames: ['CreatedTimestamp'] };
      const out = withTraceAttributeNames(input);
      expect(out.AttributeNames).toEqual(['CreatedTimestamp']);
      expect(out.MessageSystemAttributeNames).toEqual(['CreatedTimestamp', 'AWSTraceHeader']);
    });
  });

  describe('garbage', () => {
    it('returns a non-object as it is', () => {
      expect(
        withTraceAttributeNames(undefined as unknown as ReceiveMessageCommandInput),
      ).toBeUndefined();
    });
  });
});
