import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import { processMessage, sqsReceiveInput, shutdownTracing } from '@otel-xray/node';
import { startConsumer } from './consumer.ts';
import { shutdownDeadlineMs, withDeadline } from './deadline.ts';
import { intEnv } from './env.ts';
import { exitGracefully } from './graceful-exit.ts';
import type { ServiceLogger } from './log.ts';
import { MAX_RECEIVE_COUNT } from './receive-limit.ts';

/** Options of {@link runConsumerService}. */
export interface ConsumerServiceOptions {
  queueUrl: string;
  log: ServiceLogger;
  /** Handles one message inside its consumer segment; throwing leaves it for a retry. */
  handle: (message: Message) => Promise<void> | void;
  sqs?: SQSClient;
  /** After SIGTERM, stop waiting for the messages in hand after this long, ms. Default `SHUTDOWN_DEADLINE_MS`, else 5 000. */
  deadlineMs?: number;
}

/**
 * The shape every queue-driven sample service shares: long-poll `queueUrl`, run each message in
 * `processMessage` (a CONSUMER span — this service's segment — continuing the message's trace),
 * log failures, and on SIGTERM/SIGINT stop polling, finish in-flight messages, flush, exit 0.
 * Messages not finished by the deadline are left undeleted: the queue delivers them again after
 * their visibility timeout.
 */
export function runConsumerService(options: ConsumerServiceOptions): void {
  const { queueUrl, log } = options;
  // Handler errors are logged inside the consumer segment (so the line carries its trace ID);
  // onError then only reports what happened outside it (receive and delete failures).
  const loggedInSpan = new WeakSet<object>();
  const consumer = startConsumer({
    sqs: options.sqs ?? new SQSClient({}),
    queueUrl,
    handle: (message) =>
      processMessage(message, { queueUrl }, async () => {
        try {
          await options.handle(message);
        } catch (error) {
          logFailure(log, message, error);
          if (typeof error === 'object' && error !== null) loggedInSpan.add(error);
          throw error;
        }
      }),
    receiveInput: sqsReceiveInput(),
    visibilityTimeout: intEnv('VISIBILITY_TIMEOUT', 1),
    onError: (error, message) => {
      if (typeof error === 'object' && error !== null && loggedInSpan.has(error)) return;
      log.error(
        { err: error, messageId: message?.MessageId },
        message ? 'delete failed; the message will be received again' : 'receive failed',
      );
    },
  });
  log.info({ queueUrl }, 'consuming');
  const deadlineMs = options.deadlineMs ?? shutdownDeadlineMs();
  exitGracefully(
    async () => {
      if (!(await withDeadline(consumer.stop(), deadlineMs)))
        log.warn({ deadlineMs }, 'shutdown deadline passed; unfinished messages stay in the queue');
      await shutdownTracing();
    },
    (msg) => log.info(msg),
  );
}

/**
 * A failed message: an error line with the exception, and on its last allowed receive a line
 * saying SQS will move it to the DLQ (the redrive itself happens inside SQS, unseen by us).
 */
function logFailure(log: ServiceLogger, message: Message, error: unknown): void {
  const receiveCount = Number(message.Attributes?.ApproximateReceiveCount ?? 0);
  const fields = {
    err: error,
    messageId: message.MessageId,
    receiveCount,
    traceHeader: message.Attributes?.AWSTraceHeader,
  };
  log.error(fields, 'message failed; it will be retried');
  if (receiveCount >= MAX_RECEIVE_COUNT) {
    log.warn(
      { messageId: message.MessageId, receiveCount, maxReceiveCount: MAX_RECEIVE_COUNT },
      'last receive failed; SQS redrives the message to the DLQ',
    );
  }
}
