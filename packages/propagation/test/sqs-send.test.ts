import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { SendMessageBatchCommandInput, SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { injectSqsSendMessage, injectSqsSendMessageBatch } from '@otel-xray/propagation';

const TRACE_ID = '5759e988bd862e3fe1be46a994272793';
const SPAN = 'a1b2c3d4e5f60718';
const HEADER = `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=${SPAN};Sampled=1`;
const active = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: TRACE_ID,
  spanId: SPAN,
  traceFlags: 1,
});
const QueueUrl = 'http://127.0.0.1:4566/000000000000/q';

describe('injectSqsSendMessage', () => {
  describe('with a span context', () => {
    it('adds AWSTraceHeader as a String system attribute, without touching the input', () => {
      const input: SendMessageCommandInput = { QueueUrl, MessageBody: 'hi' };
      const out = injectSqsSendMessage(input, active);
      expect(out).toEqual({
        QueueUrl,
        MessageBody: 'hi',
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: HEADER } },
      });
      expect(input.MessageSystemAttributes).toBeUndefined();
    });
    it('keeps Lineage and unknown fields of an AWSTraceHeader already there', () => {
      const out = injectSqsSendMessage(
        {
          QueueUrl,
          MessageBody: 'hi',
          MessageSystemAttributes: {
            AWSTraceHeader: {
              DataType: 'String',
              StringValue: 'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Lineage=1:fcb2f2e4:0;X=y',
            },
          },
        },
        active,
      );
      expect(out.MessageSystemAttributes?.AWSTraceHeader?.StringValue).toBe(
        `${HEADER};Lineage=1:fcb2f2e4:0;X=y`,
      );
    });
    it('leaves message attributes alone (they count against the limit of 10)', () => {
      const MessageAttributes = { a: { DataType: 'String', StringValue: 'b' } };
      expect(
        injectSqsSendMessage({ QueueUrl, MessageBody: 'x', MessageAttributes }, active)
          .MessageAttributes,
      ).toBe(MessageAttributes);
    });
  });

  describe('without a span context', () => {
    it('returns the input itself', () => {
      const input = { QueueUrl, MessageBody: 'hi' };
      expect(injectSqsSendMessage(input, ROOT_CONTEXT)).toBe(input);
    });
  });

  describe('garbage', () => {
    it('returns non-objects as they are', () => {
      expect(injectSqsSendMessage(null as unknown as SendMessageCommandInput, active)).toBeNull();
    });
  });
});

describe('injectSqsSendMessageBatch', () => {
  describe('with a span context', () => {
    it('adds AWSTraceHeader to every entry', () => {
      const input: SendMessageBatchCommandInput = {
        QueueUrl,
        Entries: [
          { Id: '1', MessageBody: 'a' },
          { Id: '2', MessageBody: 'b', MessageSystemAttributes: {} },
        ],
      };
      const out = injectSqsSendMessageBatch(input, active);
      expect(
        out.Entries?.map((e) => e.MessageSystemAttributes?.AWSTraceHeader?.StringValue),
      ).toEqual([HEADER, HEADER]);
      expect(input.Entries?.[0]?.MessageSystemAttributes).toBeUndefined();
    });
  });

  describe('without a span context or entries', () => {
    it('returns the input itself', () => {
      const input = { QueueUrl, Entries: [{ Id: '1', MessageBody: 'a' }] };
      expect(injectSqsSendMessageBatch(input, ROOT_CONTEXT)).toBe(input);
      const noEntries = { QueueUrl } as SendMessageBatchCommandInput;
      expect(injectSqsSendMessageBatch(noEntries, active)).toBe(noEntries);
    });
  });
});
