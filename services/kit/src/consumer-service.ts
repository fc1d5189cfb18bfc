import { SQSClient, type Message } from '@aws-sdk/client-sqs';
import { processMessage, sqsReceiveInput, shutdownTracing } from '@otel-xray/node';
import { startConsumer } from './consumer.ts';
import { shutdownDeadlineMs, withDeadline } from './deadline.ts';
import { intEnv } from './env.ts';
import { exitGracefully } from './graceful-exit.ts';
import type { createLogger } from './log.ts';

/** Options of {@link runConsumerService}. */
export interface ConsumerServiceOptions {
  queueUrl: string;
  log: ReturnType<typeof createLogger>;
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
  const consumer = startConsumer({
    sqs: options.sqs ?? new SQSClient({}),
    queueUrl,
    handle: (message) => processMessage(message, { queueUrl }, () => options.handle(message)),
    receiveInput: sqsReceiveInput(),
    visibilityTimeout: intEnv('VISIBILITY_TIMEOUT', 1),
    onError: (error, message) =>
      log(message ? 'message failed; it will be retried' : 'receive failed', {
        error: String(error),
        messageId: message?.MessageId,
        receiveCount: message?.Attributes?.ApproximateReceiveCount,
        traceHeader: message?.Attributes?.AWSTraceHeader,
      }),
  });
  log('consuming', { queueUrl });
  const deadlineMs = options.deadlineMs ?? shutdownDeadlineMs();
  exitGracefully(
    async () => {
      if (!(await withDeadline(consumer.stop(), deadlineMs)))
        log('shutdown deadline passed; unfinished messages stay in the queue', { deadlineMs });
      await shutdownTracing();
    },
    (msg) => log(msg),
  );
}
