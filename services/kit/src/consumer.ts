import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ReceiveMessageCommand, DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SqsReceiveInput } from '@otel-xray/node';

/** Options of {@link startConsumer}. */
export interface ConsumerOptions {
  /** Client used for ReceiveMessage and DeleteMessage. */
  sqs: SQSClient;
  /** Queue to poll. */
  queueUrl: string;
  /** Handles one message; resolve → the message is deleted; reject → it stays and is retried (then DLQ). */
  handle: (message: Message) => Promise<void>;
  /** Long-poll wait (s). Default 1 so SIGTERM is honoured fast. */
  waitTimeSeconds?: number;
  /** Visibility timeout (s) for received messages; a failed message reappears after it. Default 1. */
  visibilityTimeout?: number;
  /** Attribute names a ReceiveMessage must ask for (system + message attributes). */
  receiveInput?: Partial<SqsReceiveInput>;
  /** Called with a failed receive (then retried after 500 ms) or a handler's error. */
  onError?: (error: unknown, message?: Message) => void;
}

/** A running consumer. */
export interface Consumer {
  /**
   * Ends polling: the receive in progress runs to its end (≤ `waitTimeSeconds`; aborting it would
   * hide the messages it took until their visibility timeout, and leave the long poll pending in
   * the server) — it is aborted only when the server has not answered 1.5 s after that — its
   * messages are handled, then it resolves. Idempotent.
   */
  stop(): Promise<void>;
}

/** Runs `fn` with tracing suppressed: polling and deleting are plumbing, not part of any trace. */
export function untraced<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}

/**
 * Long-polls a queue and hands each received message to `handle` (a receive's messages run
 * concurrently; the next receive waits for them). `ReceiveMessage`/`DeleteMessage` are not traced
 * (otherwise every poll would start a trace); `handle` runs in the normal context, where
 * `processMessage` continues the message's trace.
 */
export function startConsumer(options: ConsumerOptions): Consumer {
  const waitSeconds = options.waitTimeSeconds ?? 1;
  const abort = new AbortController();
  const receive = (): Promise<Message[]> =>
    untraced(() =>
      options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: waitSeconds,
          VisibilityTimeout: options.visibilityTimeout ?? 1,
          MessageSystemAttributeNames: options.receiveInput?.MessageSystemAttributeNames,
          MessageAttributeNames: options.receiveInput?.MessageAttributeNames,
        }),
        { abortSignal: abort.signal },
      ),
    ).then((out) => out.Messages ?? []);
  const settle = async (message: Message): Promise<void> => {
    try {
      await options.handle(message);
    } catch (error) {
      options.onError?.(error, message);
      return; // not deleted: visible again after the visibility timeout
    }
    try {
      await untraced(() =>
        options.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: options.queueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        ),
      );
    } catch (error) {
      options.onError?.(error, message);
    }
  };
  let stopped = false;
  let wakeUp = (): void => {};
  const loop = async (): Promise<void> => {
    while (!stopped) {
      let messages: Message[];
      try {
        messages = await receive();
      } catch (error) {
        if (stopped) break;
        options.onError?.(error);
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, 500);
        });
        continue;
      }
      await Promise.all(messages.map(settle));
    }
  };
  const running = loop();
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        wakeUp();
        // a server that stopped answering (e.g. shutting down) must not hold us forever
        const timer = setTimeout(() => abort.abort(), waitSeconds * 1000 + 1500);
        void running.finally(() => clearTimeout(timer));
      }
      return running;
    },
  };
}
