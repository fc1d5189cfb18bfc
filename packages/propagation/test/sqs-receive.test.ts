import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, TraceFlags, trace, type Context } from '@opentelemetry/api';
import type { Message } from '@aws-sdk/client-sqs';
import { extractSqsMessageContext, findSqsMessageTrace } from '@otel-xray/propagation';

const HEADER_A = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
const HEADER_B = 'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Parent=0a1b2c3d4e5f6071;Sampled=0';
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function ids(ctx: Context | undefined): string | undefined {
  const span = ctx && trace.getSpanContext(ctx);
  return span && `${span.traceId}/${span.spanId}/${span.traceFlags}`;
}
function envelope(
  attributes: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: 'm',
    TopicArn: 'arn:aws:sns:us-east-1:000000000000:t',
    Message: 'hello',
    MessageAttributes: attributes,
    ...extra,
  });
}

describe('findSqsMessageTrace', () => {
  describe('sources', () => {
    it('reads the AWSTraceHeader system attribute', () => {
      const message: Message = { Body: 'x', Attributes: { AWSTraceHeader: HEADER_A } };
      const found = findSqsMessageTrace(message, ROOT_CONTEXT);
      expect(found?.source).toBe('AWSTraceHeader');
      expect(ids(found?.context)).toBe('5759e988bd862e3fe1be46a994272793/53995c3f42cd8ad8/1');
    });
    it('prefers AWSTraceHeader over message attributes', () => {
      const message: Message = {
        Attributes: { AWSTraceHeader: HEADER_A },
        MessageAttributes: { 'X-Amzn-Trace-Id': { DataType: 'String', StringValue: HEADER_B } },
      };
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)?.source).toBe('AWSTraceHeader');
    });
    it('falls back to message attributes when AWSTraceHeader is malformed', () => {
      const message: Message = {
        Attributes: { AWSTraceHeader: 'Root=garbage' },
        MessageAttributes: { 'x-amzn-trace-id': { DataType: 'String', StringValue: HEADER_B } },
      };
      const found = findSqsMessageTrace(message, ROOT_CONTEXT);
      expect(found?.source).toBe('message-attribute');
      expect(ids(found?.context)).toBe('65dc2f1a0f1d6d2a7e7d4c3b2a190817/0a1b2c3d4e5f6071/0');
    });
    it('reads a traceparent message attribute', () => {
      const message: Message = {
        MessageAttributes: { traceparent: { DataType: 'String', StringValue: TRACEPARENT } },
      };
      expect(ids(findSqsMessageTrace(message, ROOT_CONTEXT)?.context)).toBe(
        '0af7651916cd43dd8448eb211c80319c/b7ad6b7169203331/1',
      );
    });
    it('reads the SNS envelope of a non-raw subscription', () => {
      const message: Message = {
        Body: envelope({ 'X-Amzn-Trace-Id': { Type: 'String', Value: HEADER_B } }),
      };
      const found = findSqsMessageTrace(message, ROOT_CONTEXT);
      expect(found?.source).toBe('sns-envelope');
      expect(ids(found?.context)).toBe('65dc2f1a0f1d6d2a7e7d4c3b2a190817/0a1b2c3d4e5f6071/0');
    });
    it('reads a traceparent in the SNS envelope', () => {
      const message = { Body: envelope({ traceparent: { Type: 'String', Value: TRACEPARENT } }) };
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)?.source).toBe('sns-envelope');
    });
    it('reads a Lambda SQS event record', () => {
      const record = {
        messageId: 'm',
        body: 'x',
        attributes: { AWSTraceHeader: HEADER_A, ApproximateReceiveCount: '1' },
        messageAttributes: {},
      };
      expect(findSqsMessageTrace(record, ROOT_CONTEXT)?.source).toBe('AWSTraceHeader');
      const withAttribute = {
        attributes: {},
        messageAttributes: { traceparent: { stringValue: TRACEPARENT, dataType: 'String' } },
      };
      expect(findSqsMessageTrace(withAttribute, ROOT_CONTEXT)?.source).toBe('message-attribute');
    });
  });

  describe('garbage', () => {
    const huge = 'x'.repeat(10_000);
    it.each([
      ['undefined', undefined],
      ['a string', 'message'],
      ['an array', [HEADER_A]],
      ['no attributes', { Body: 'hello' }],
      ['AWSTraceHeader as a number', { Attributes: { AWSTraceHeader: 5 } }],
      ['a 10 KB AWSTraceHeader', { Attributes: { AWSTraceHeader: `${HEADER_A};x=${huge}` } }],
      ['attributes as a string', { Attributes: 'x', MessageAttributes: 'y' }],
      ['an attribute without a value', { MessageAttributes: { 'X-Amzn-Trace-Id': {} } }],
      [
        'an attribute of the wrong type',
        { MessageAttributes: { traceparent: { StringValue: 7 } } },
      ],
      ['a 10 KB attribute', { MessageAttributes: { traceparent: { StringValue: huge } } }],
      [
        'an invalid traceparent',
        { MessageAttributes: { traceparent: { StringValue: '00-0-0-01' } } },
      ],
      [
        'bad JSON in an envelope-like body',
        { Body: '{"Type":"Notification","MessageAttributes": {' },
      ],
      [
        'an envelope of the wrong type',
        {
          Body: envelope(
            { traceparent: { Type: 'String', Value: TRACEPARENT } },
            { Type: 'SubscriptionConfirmation' },
          ),
        },
      ],
      [
        'an envelope with attributes as an array',
        { Body: envelope([] as unknown as Record<string, unknown>) },
      ],
      ['an envelope with null values', { Body: envelope({ 'X-Amzn-Trace-Id': null }) }],
      ['JSON that is not an object', { Body: '"Notification MessageAttributes"' }],
    ])('finds nothing in %s, without throwing', (_name, message) => {
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)).toBeUndefined();
    });
  });
});

describe('extractSqsMessageContext', () => {
  describe('base context', () => {
    it('returns the base unchanged when the message carries nothing', () => {
      const base = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: 'f'.repeat(32),
        spanId: 'e'.repeat(16),
        traceFlags: TraceFlags.SAMPLED,
      });
      expect(extractSqsMessageContext({ Body: 'x' }, base)).toBe(base);
    });
    it('replaces the span context of the base with the message parent', () => {
      const base = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: 'f'.repeat(32),
        spanId: 'e'.repeat(16),
        traceFlags: TraceFlags.SAMPLED,
      });
      const ctx = extractSqsMessageContext({ Attributes: { AWSTraceHeader: HEADER_B } }, base);
      expect(ids(ctx)).toBe('65dc2f1a0f1d6d2a7e7d4c3b2a190817/0a1b2c3d4e5f6071/0');
    });
    it('uses the active context by default', () => {
      expect(extractSqsMessageContext({})).toBe(ROOT_CONTEXT);
    });
  });
});
