// The notifications step as Lambda runs it: the function in services/notifications under the
// real runtime client (local Runtime API), fed by its queue through a local SQS event-source
// mapping with ReportBatchItemFailures — the same set-up as a function with an SQS trigger.
import { fileURLToPath } from 'node:url';
import { startLocalFunction, startSqsEventSource } from '@otel-xray/testing';
import type { LocalFunction, SqsBatchReport, SqsEventSource } from '@otel-xray/testing';

/** Name of the function (and of its X-Ray segments). */
export const NOTIFICATIONS_FUNCTION = 'notifications';

/** The running function and its mapping. */
export interface NotificationsFunction {
  readonly function: LocalFunction;
  readonly source: SqsEventSource;
  /** Every batch so far, in order. */
  readonly batches: readonly SqsBatchReport[];
  /** Stops polling, then the function; idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startNotificationsFunction}. */
export interface NotificationsOptions {
  queueUrl: string;
  /** `AWS_XRAY_DAEMON_ADDRESS` of the function and of Lambda's own segments. */
  daemonAddress: string;
  /** The function's output, line by line. */
  onLine?: (line: string) => void;
}

const taskRoot = fileURLToPath(new URL('../../notifications/', import.meta.url));

/** Starts the mapping; the function starts (cold) with the first batch. */
export async function startNotificationsFunction(
  options: NotificationsOptions,
): Promise<NotificationsFunction> {
  let pending = '';
  const fn = startLocalFunction(
    {
      name: NOTIFICATIONS_FUNCTION,
      handler: 'index.handler',
      taskRoot,
      timeoutSeconds: 3,
      daemonAddress: options.daemonAddress,
      nodeArgs: ['--conditions=otel-xray-source'],
    },
    {
      onLog: (text) => {
        const lines = (pending + text).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line !== '') options.onLine?.(line);
      },
    },
  );
  const batches: SqsBatchReport[] = [];
  let source: SqsEventSource;
  try {
    source = await startSqsEventSource({
      function: fn,
      queueUrl: options.queueUrl,
      batchSize: 10,
      maximumBatchingWindowInSeconds: 1,
      reportBatchItemFailures: true,
      waitTimeSeconds: 1,
      onBatch: (batch) => batches.push(batch),
    });
  } catch (error) {
    await fn.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    function: fn,
    source,
    batches,
    stop: () =>
      (stopping ??= (async () => {
        await source.stop();
        await fn.stop();
      })()),
  };
}
