import { describe, it, expect, inject, afterEach } from 'vitest';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { BatchGetTracesCommand, XRayClient } from '@aws-sdk/client-xray';
import { newTraceId } from '@otel-xray/core';
import { startLocalFunction, startSqsEventSource } from '../../src/index.ts';
import type { LocalFunction, SqsBatchReport, SqsEventSource } from '../../src/index.ts';

const taskRoot = join(import.meta.dirname, 'functions');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const sqs = new SQSClient({
  endpoint: inject('awsEndpoint'),
  region: inject('awsRegion'),
  credentials,
});
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function queue(
  name: string,
  attributes: Record<string, string> = {},
): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: `${name}-${Date.now()}`, Attributes: attributes }),
  );
  const url = QueueUrl ?? '';
  cleanup.push(() => sqs.send(new DeleteQueueCommand({ QueueUrl: url })));
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { url, arn: attrs.Attributes?.QueueArn ?? '' };
}

function batchFunction(): LocalFunction {
  const fn = startLocalFunction({
    name: 'sqs-batch',
    handler: 'sqs-batch.handler',
    taskRoot,
    daemonAddress: inject('xrayDaemonAddress'),
  });
  cleanup.push(() => fn.stop());
  return fn;
}

async function mapping(
  fn: LocalFunction,
  url: string,
  options: { batchSize?: number; window?: number; report?: boolean } = {},
): Promise<{ source: SqsEventSource; batches: SqsBatchReport[] }> {
  const batches: SqsBatchReport[] = [];
  const source = await startSqsEventSource({
    function: fn,
    queueUrl: url,
    client: sqs,
    waitTimeSeconds: 1,
    batchSize: options.batchSize ?? 10,
    maximumBatchingWindowInSeconds: options.window ?? 0,
    reportBatchItemFailures: options.report ?? false,
    onBatch: (b) => batches.push(b),
  });
  cleanup.push(() => source.stop());
  return { source, batches };
}

async function until<T>(
  what: string,
  read: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const dlqBodies = async (url: string): Promise<string[]> => {
  const out = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return (out.Messages ?? []).map((m) => m.Body ?? '');
};

describe('startSqsEventSource', () => {
  describe('with a batching window', () => {
    it('invokes once with the whole batch, records shaped as Lambda sends them, producer links written', async () => {
      const { url, arn } = await queue('esm-batch');
      const producer = { root: newTraceId(), parent: '53995c3f42cd8ad8' };
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: ['one', 'two', 'three'].map((body, i) => ({
            Id: String(i),
            MessageBody: body,
            MessageAttributes: { kind: { DataType: 'String', StringValue: 'test' } },
            MessageSystemAttributes: {
              AWSTraceHeader: {
                DataType: 'String',
                StringValue: `Root=${producer.root};Parent=${producer.parent};Sampled=1`,
              },
            },
          })),
        }),
      );
      const fn = batchFunction();
      const { batches } = await mapping(fn, url, { window: 2 });
      const batch = await until('a batch', () => batches[0]);
      expect(batch.records.map((r) => r.body).sort()).toEqual(['one', 'three', 'two']);
      expect(batch.records[0]).toMatchObject({
        eventSource: 'aws:sqs',
        eventSourceARN: arn,
        awsRegion: inject('awsRegion'),
        attributes: {
          ApproximateReceiveCount: '1',
          AWSTraceHeader: `Root=${producer.root};Parent=${producer.parent};Sampled=1`,
        },
        messageAttributes: {
          kind: {
            stringValue: 'test',
            dataType: 'String',
            stringListValues: [],
            binaryListValues: [],
          },
        },
      });
      expect(batch.outcome.deleted).toHaveLength(3);

      await fn.flush();
      const xray = new XRayClient({
        endpoint: inject('xrayEndpoint'),
        region: 'us-east-1',
        credentials,
      });
      const service = await until('the AWS::Lambda segment', async () => {
        const out = await xray.send(
          new BatchGetTracesCommand({ TraceIds: [batch.result.traceId] }),
        );
        const docs = (out.Traces?.[0]?.Segments ?? []).map((s) => JSON.parse(s.Document ?? '{}'));
        return docs.find((d) => d.origin === 'AWS::Lambda');
      });
      expect(service.links).toHaveLength(3);
      expect(service.links[0]).toMatchObject({ trace_id: producer.root, id: producer.parent });
      expect(batch.result.traceId).not.toBe(producer.root);
    });
  });

  describe('with ReportBatchItemFailures and a redrive policy', () => {
    it('deletes the processed records and sends the reported one to the DLQ after maxReceiveCount', async () => {
      const dlq = await queue('esm-dlq');
      const { url } = await queue('esm-partial', {
        VisibilityTimeout: '1',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
      });
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'ok' }));
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'fail-me' }));
      const { batches } = await mapping(batchFunction(), url, { report: true, window: 1 });
      const dead = await until('the DLQ message', async () => {
        const bodies = await dlqBodies(dlq.url);
        return bodies.length > 0 ? bodies : undefined;
      });
      expect(dead).toEqual(['fail-me']);
      const seenNow = (): string[] =>
        batches.flatMap((b) =>
          b.records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`),
        );
      // The second delivery's invocation can still be running when the message reaches the DLQ:
      // with a 1 s visibility timeout and a 1 s batching window, the window's own next poll may be
      // the receive that redrives it (as in Lambda when the timeout is shorter than the window).
      const seen = await until('the second delivery of fail-me', () => {
        const now = seenNow();
        return now.includes('fail-me#2') ? now : undefined;
      });
      expect(seen).toContain('ok#1');
      expect(seen.filter((s) => s.startsWith('ok'))).toHaveLength(1);
      expect(seen).toEqual(expect.arrayContaining(['fail-me#1', 'fail-me#2']));
      expect(batches.find((b) => b.records.some((r) => r.body === 'fail-me'))?.outcome.reason).toBe(
        'reported-failures',
      );
    });
  });

  describe('when the function throws', () => {
    it('keeps the whole batch; the queue redrives it to the DLQ', async () => {
      const dlq = await queue('esm-dlq-all');
      const { url } = await queue('esm-throw', {
        VisibilityTimeout: '1',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 1 }),
      });
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'throw' }));
      const { batches } = await mapping(batchFunction(), url, { batchSize: 1 });
      const dead = await until('the DLQ message', async () => {
        const bodies = await dlqBodies(dlq.url);
        return bodies.length > 0 ? bodies : undefined;
      });
      expect(dead).toEqual(['throw']);
      expect(batches[0]?.result).toMatchObject({
        functionError: 'Unhandled',
        errorMessage: 'batch rejected',
      });
      expect(batches[0]?.outcome.reason).toBe('function-error');
    });
  });
});
