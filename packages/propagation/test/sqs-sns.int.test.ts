// Real @aws-sdk/client-sqs and client-sns over HTTP against the emulator: a context injected by
// our carriers arrives intact on the consumer, with the exact Root and Parent.
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, context, trace, type Context } from '@opentelemetry/api';
import {
  SQSClient,
  SendMessageBatchCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { PublishBatchCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  XRayPropagator,
  extractSqsMessageContext,
  findSqsMessageTrace,
  injectSqsSendMessage,
  injectSqsSendMessageBatch,
  xrayTraceHeaderPlugin,
} from '@otel-xray/propagation';
import { createQueue, createTopicToQueue, receive } from './support/aws-resources.ts';
import { registerProvider } from './support/register-provider.ts';

const provider = registerProvider(new XRayPropagator());
afterAll(() => provider.shutdown());

const sqs = new SQSClient({});
const sns = new SNSClient({});
const sqsWithHeader = new SQSClient({});
sqsWithHeader.middlewareStack.use(xrayTraceHeaderPlugin());
const snsWithHeader = new SNSClient({});
snsWithHeader.middlewareStack.use(xrayTraceHeaderPlugin());

/** A sampled remote parent with fresh IDs, and the header it must arrive as. */
function parent(seed: number): { ctx: Context; root: string; parentId: string; header: string } {
  const traceId = `6745a1b2${seed.toString(16).padStart(8, '0')}0123456789abcdef`;
  const parentId = `abcdef01${seed.toString(16).padStart(8, '0')}`;
  const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: parentId, traceFlags: 1 });
  const root = `1-${traceId.slice(0, 8)}-${traceId.slice(8)}`;
  return { ctx, root, parentId, header: `Root=${root};Parent=${parentId};Sampled=1` };
}

function arrived(message: Message | undefined): { root: string; parent: string } | undefined {
  const span = trace.getSpanContext(extractSqsMessageContext(message, ROOT_CONTEXT));
  return (
    span && {
      root: `1-${span.traceId.slice(0, 8)}-${span.traceId.slice(8)}`,
      parent: span.spanId,
    }
  );
}

describe('SQS and SNS carriers against the emulator', () => {
  describe('(a) SendMessage with injectSqsSendMessage', () => {
    it('delivers AWSTraceHeader with the exact Root and Parent', async () => {
      const queue = await createQueue(sqs, 'prop-send');
      const p = parent(1);
      await sqs.send(
        new SendMessageCommand(
          injectSqsSendMessage({ QueueUrl: queue.url, MessageBody: 'a' }, p.ctx),
        ),
      );
      const [message] = await receive(sqs, queue.url);
      expect(message?.Attributes?.AWSTraceHeader).toBe(p.header);
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)?.source).toBe('AWSTraceHeader');
      expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
  });

  describe('(b) SendMessageBatch with injectSqsSendMessageBatch', () => {
    it('delivers AWSTraceHeader on every entry', async () => {
      const queue = await createQueue(sqs, 'prop-batch');
      const p = parent(2);
      await sqs.send(
        new SendMessageBatchCommand(
          injectSqsSendMessageBatch(
            {
              QueueUrl: queue.url,
              Entries: [
                { Id: '1', MessageBody: 'one' },
                { Id: '2', MessageBody: 'two' },
                { Id: '3', MessageBody: 'three' },
              ],
            },
            p.ctx,
          ),
        ),
      );
      const messages = await receive(sqs, queue.url, 3);
      expect(messages.map((m) => m.Body).sort()).toEqual(['one', 'three', 'two']);
      for (const message of messages) {
        expect(message.Attributes?.AWSTraceHeader).toBe(p.header);
        expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
      }
    });
  });

  describe('header only: SendMessage through the middleware', () => {
    it('turns the HTTP X-Amzn-Trace-Id into AWSTraceHeader', async () => {
      const queue = await createQueue(sqs, 'prop-header');
      const p = parent(3);
      await context.with(p.ctx, () =>
        sqsWithHeader.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'h' })),
      );
      const [message] = await receive(sqs, queue.url);
      expect(message?.Attributes?.AWSTraceHeader).toBe(p.header);
      expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
    it('lets an explicit AWSTraceHeader win over the HTTP header, as AWS does', async () => {
      const queue = await createQueue(sqs, 'prop-override');
      const http = parent(4);
      const explicit = parent(5);
      await context.with(http.ctx, () =>
        sqsWithHeader.send(
          new SendMessageCommand(
            injectSqsSendMessage({ QueueUrl: queue.url, MessageBody: 'o' }, explicit.ctx),
          ),
        ),
      );
      const [message] = await receive(sqs, queue.url);
      expect(arrived(message)).toEqual({ root: explicit.root, parent: explicit.parentId });
    });
  });

  describe('(c) SNS → SQS, raw delivery', () => {
    it('carries the Publish request header to AWSTraceHeader', async () => {
      const { topicArn, queueUrl } = await createTopicToQueue(sns, sqs, true);
      const p = parent(6);
      await context.with(p.ctx, () =>
        snsWithHeader.send(new PublishCommand({ TopicArn: topicArn, Message: 'raw' })),
      );
      const [message] = await receive(sqs, queueUrl);
      expect(message?.Body).toBe('raw');
      expect(message?.Attributes?.AWSTraceHeader).toBe(p.header);
      expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
  });

  describe('(d) SNS → SQS, envelope delivery', () => {
    it('carries the Publish request header to AWSTraceHeader', async () => {
      const { topicArn, queueUrl } = await createTopicToQueue(sns, sqs, false);
      const p = parent(7);
      await context.with(p.ctx, () =>
        snsWithHeader.send(new PublishCommand({ TopicArn: topicArn, Message: 'wrapped' })),
      );
      const [message] = await receive(sqs, queueUrl);
      expect(JSON.parse(message?.Body ?? '{}')).toMatchObject({
        Type: 'Notification',
        Message: 'wrapped',
      });
      expect(message?.Attributes?.AWSTraceHeader).toBe(p.header);
      expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
    it('carries each PublishBatch entry', async () => {
      const { topicArn, queueUrl } = await createTopicToQueue(sns, sqs, false);
      const p = parent(8);
      await context.with(p.ctx, () =>
        snsWithHeader.send(
          new PublishBatchCommand({
            TopicArn: topicArn,
            PublishBatchRequestEntries: [
              { Id: '1', Message: 'b1' },
              { Id: '2', Message: 'b2' },
            ],
          }),
        ),
      );
      const messages = await receive(sqs, queueUrl, 2);
      expect(messages).toHaveLength(2);
      for (const message of messages)
        expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
    it('reads an X-Amzn-Trace-Id message attribute from the envelope when no header was sent', async () => {
      const { topicArn, queueUrl } = await createTopicToQueue(sns, sqs, false);
      const p = parent(9);
      await sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: 'attr',
          MessageAttributes: { 'X-Amzn-Trace-Id': { DataType: 'String', StringValue: p.header } },
        }),
      );
      const [message] = await receive(sqs, queueUrl);
      expect(message?.Attributes?.AWSTraceHeader).toBeUndefined();
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)?.source).toBe('sns-envelope');
      expect(arrived(message)).toEqual({ root: p.root, parent: p.parentId });
    });
  });

  describe('(e) dead-letter queue after maxReceiveCount', () => {
    it('keeps AWSTraceHeader on the moved message', async () => {
      const dlq = await createQueue(sqs, 'prop-dlq');
      const source = await createQueue(sqs, 'prop-source', {
        VisibilityTimeout: '0',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
      });
      const p = parent(10);
      await sqs.send(
        new SendMessageCommand(
          injectSqsSendMessage({ QueueUrl: source.url, MessageBody: 'd' }, p.ctx),
        ),
      );
      // First receive counts 1; the move happens on the receive after the count is exceeded.
      expect(await receive(sqs, source.url)).toHaveLength(1);
      expect(await receive(sqs, source.url, 1, 500)).toHaveLength(0);
      const [moved] = await receive(sqs, dlq.url, 1, 10_000, {
        MessageSystemAttributeNames: ['All'],
      });
      expect(moved?.Body).toBe('d');
      expect(moved?.Attributes?.DeadLetterQueueSourceArn).toBe(source.arn);
      expect(moved?.Attributes?.AWSTraceHeader).toBe(p.header);
      expect(arrived(moved)).toEqual({ root: p.root, parent: p.parentId });
    });
  });
});
