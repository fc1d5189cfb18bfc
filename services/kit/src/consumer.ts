import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ReceiveMessageCommand, DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';

/** Options of {@link startConsumer}. */
export interface ConsumerOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** Handles one message; resolve → the message is deleted; reject → it stays and is retried (then DLQ). */
  handle: (message: Message) => Promise<void>;
  /** Long-poll wait (s). Default 1 so SIGTERM is honoured fast. */
  waitTimeSeconds?: number;
  /** Visibility timeout (s) for received messages; a failed message reappears after it. Default 1. */
  visibilityTimeout?: number;
  /** Message attributes a ReceiveMessage must ask for (system + message attributes). */
  receiveInput?: { MessageSystemAttributeNames?: string[]; MessageAttributeNames?: string[] };
  onError?: (error: unknown) => void;
}

/** A running consumer: `stop()` ends polling and waits for in-flight messages. */
export interface Consumer {
  stop(): Promise<void>;
}

/** Runs `fn` with tracing suppressed: polling and deleting are plumbing, not part of any trace. */
function untraced<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}

/**
 * Long-polls a queue and hands each message to `handle`, one receive at a time. The
 * `ReceiveMessage`/`DeleteMessage` calls are not traced (otherwise every poll would start a trace);
 * `handle` runs in the normal context, where `processMessage` continues the message's trace.
 */
export function startConsumer(options: ConsumerOptions): Consumer {
  const abort = new AbortController();
  let inFlight = Promise.resolve();
  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      let messages: Message[];
      try {
        const out = await untraced(() =>
          options.sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: options.queueUrl,
              MaxNumberOfMessages: 10,
              WaitTimeSeconds: options.waitTimeSeconds ?? 1,
              VisibilityTimeout: options.visibilityTimeout ?? 1,
              MessageSystemAttributeNames: options.receiveInput
                ?.MessageSystemAttributeNames as never,
              MessageAttributeNames: options.receiveInput?.MessageAttributeNames,
            }),
            { abortSignal: abort.signal },
          ),
        );
        messages = out.Messages ?? [];
      } catch (error) {
        if (abort.signal.aborted) break;
        options.onError?.(error);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      inFlight = Promise.all(
        messages.map(async (message) => {
          try {
            await options.handle(message);
            await options.sqs.send(
              new DeleteMessageCommand({
                QueueUrl: options.queueUrl,
                ReceiptHandle: message.ReceiptHandle,
              }),
            );
          } catch (error) {
            options.onError?.(error);
          }
        }),
      ).then(() => undefined);
      await inFlight;
    }
  };
  const running = loop();
  return {
    async stop() {
      abort.abort();
      await running;
      await inFlight;
    },
  };
}
