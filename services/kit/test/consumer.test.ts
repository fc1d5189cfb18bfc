import { describe, it, expect, vi } from 'vitest';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startConsumer } from '../src/consumer.ts';

interface Call {
  name: string;
  input: Record<string, unknown>;
}

/** An SQS client double: the first receive returns `messages`, later ones find nothing after 20 ms. */
function fakeSqs(messages: Array<{ MessageId: string; ReceiptHandle: string }>): {
  sqs: SQSClient;
  calls: Call[];
} {
  const calls: Call[] = [];
  let receives = 0;
  const send = (command: {
    constructor: { name: string };
    input: Record<string, unknown>;
  }): Promise<unknown> => {
    const name = command.constructor.name;
    calls.push({ name, input: command.input });
    if (name !== 'ReceiveMessageCommand') return Promise.resolve({});
    if (receives++ === 0) return Promise.resolve({ Messages: messages });
    return new Promise((resolve) => setTimeout(() => resolve({}), 20));
  };
  return { sqs: { send } as unknown as SQSClient, calls };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('startConsumer', () => {
  describe('stop', () => {
    it('stops polling but lets the message in flight finish and be deleted', async () => {
      const { sqs, calls } = fakeSqs([{ MessageId: 'm1', ReceiptHandle: 'r1' }]);
      let finish = (): void => {};
      const handled = new Promise<void>((resolve) => (finish = resolve));
      const consumer = startConsumer({ sqs, queueUrl: 'q', handle: () => handled });
      await tick();
      let stopped = false;
      const stopping = consumer.stop().then(() => (stopped = true));
      await tick();
      expect(stopped).toBe(false);
      finish();
      await stopping;
      expect(calls.map((c) => c.name)).toEqual(['ReceiveMessageCommand', 'DeleteMessageCommand']);
      expect(calls[1]!.input).toEqual({ QueueUrl: 'q', ReceiptHandle: 'r1' });
    });
  });

  describe('stop during a long poll', () => {
    it('lets the receive in progress end instead of abandoning it, then polls no more', async () => {
      const { sqs, calls } = fakeSqs([]);
      const consumer = startConsumer({ sqs, queueUrl: 'q', handle: () => Promise.resolve() });
      await tick(); // the first receive returned nothing; the second is in progress
      await consumer.stop();
      const receives = calls.filter((c) => c.name === 'ReceiveMessageCommand').length;
      await tick();
      await tick();
      expect(calls.filter((c) => c.name === 'ReceiveMessageCommand').length).toBe(receives);
      expect(receives).toBe(2);
    });
  });

  describe('stop while the server does not answer', () => {
    it('aborts the receive once the long poll is overdue', async () => {
      const calls: string[] = [];
      const sqs = {
        send: (_c: unknown, options?: { abortSignal?: AbortSignal }) => {
          calls.push('receive');
          return new Promise((_resolve, reject) =>
            options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted'))),
          );
        },
      } as unknown as SQSClient;
      vi.useFakeTimers();
      try {
        const consumer = startConsumer({
          sqs,
          queueUrl: 'q',
          handle: () => Promise.resolve(),
          waitTimeSeconds: 1,
        });
        let stopped = false;
        const stopping = consumer.stop().then(() => (stopped = true));
        await vi.advanceTimersByTimeAsync(2_400);
        expect(stopped).toBe(false);
        await vi.advanceTimersByTimeAsync(200);
        await stopping;
        expect(calls).toEqual(['receive']);
      } finally {
        vi.useRealTimers();
      }
    });
  });

  describe('a handler that throws', () => {
    it('reports the error and leaves the message for a retry (no delete)', async () => {
      const { sqs, calls } = fakeSqs([{ MessageId: 'm1', ReceiptHandle: 'r1' }]);
      const errors: Array<[unknown, string | undefined]> = [];
      const consumer = startConsumer({
        sqs,
        queueUrl: 'q',
        handle: () => Promise.reject(new Error('poison')),
        onError: (error, message) => errors.push([error, message?.MessageId]),
      });
      await tick();
      await consumer.stop();
      expect(errors).toEqual([[new Error('poison'), 'm1']]);
      expect(calls.some((c) => c.name === 'DeleteMessageCommand')).toBe(false);
    });
  });

  describe('receive', () => {
    it('asks for the attribute names it is given, with the configured wait and visibility', async () => {
      const { sqs, calls } = fakeSqs([]);
      const consumer = startConsumer({
        sqs,
        queueUrl: 'q',
        handle: () => Promise.resolve(),
        waitTimeSeconds: 2,
        visibilityTimeout: 5,
        receiveInput: {
          MessageSystemAttributeNames: ['AWSTraceHeader'],
          MessageAttributeNames: ['x'],
        },
      });
      await tick();
      await consumer.stop();
      expect(calls[0]!.input).toEqual({
        QueueUrl: 'q',
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        VisibilityTimeout: 5,
        MessageSystemAttributeNames: ['AWSTraceHeader'],
        MessageAttributeNames: ['x'],
      });
    });
  });
});
