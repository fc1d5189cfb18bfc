// A local SQS event-source mapping: long-polls a queue with the real AWS SDK client and invokes
// a local function with batches as Lambda's poller does (batch size, batching window, partial
// batch responses). Retries and the dead-letter queue are the queue's own: messages not deleted
// come back after its visibility timeout, and its redrive policy moves them on.
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Message } from '@aws-sdk/client-sqs';
import type { LocalFunction } from '../local-function.ts';
import type { InvokeResult } from '../invoke-result.ts';
import { batchOutcome } from './batch-outcome.ts';
import type { BatchOutcome } from './batch-outcome.ts';
import { producerLinks } from './producer-links.ts';
import { regionOfQueueArn, sqsRecord } from './sqs-event.ts';
import type { SqsRecord } from './sqs-event.ts';

/** Options of {@link startSqsEventSource}, named as in Lambda's `CreateEventSourceMapping`. */
export interface SqsEventSourceOptions {
  /** The function to invoke. */
  function: LocalFunction;
  /** Queue URL. */
  queueUrl: string;
  /** SQS client; default one built from `AWS_ENDPOINT_URL` / `AWS_REGION`. */
  client?: SQSClient;
  /** `BatchSize`: records per invocation, 1–10 000. Default 10. */
  batchSize?: number;
  /** `MaximumBatchingWindowInSeconds`: how long to gather a batch, 0–300. Default 0. */
  maximumBatchingWindowInSeconds?: number;
  /** `FunctionResponseTypes: ['ReportBatchItemFailures']`. Default false. */
  reportBatchItemFailures?: boolean;
  /** Long-poll wait per receive, s (Lambda uses 20; shorter stops faster). Default 2. */
  waitTimeSeconds?: number;
  /** Called after each batch with what was invoked and what became of the records. */
  onBatch?: (batch: SqsBatchReport) => void;
}

/** One processed batch. */
export interface SqsBatchReport {
  records: SqsRecord[];
  result: InvokeResult;
  outcome: BatchOutcome;
}

/** A running mapping. */
export interface SqsEventSource {
  /** Batches invoked so far. */
  readonly batches: number;
  /** Stops polling (an in-flight invocation finishes first); idempotent. */
  stop(): Promise<void>;
}

const clamp = (value: number | undefined, min: number, max: number, fallback: number): number =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, value));

function defaultClient(): SQSClient {
  return new SQSClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    ...(process.env.AWS_ENDPOINT_URL ? { endpoint: process.env.AWS_ENDPOINT_URL } : {}),
  });
}

/** Starts polling `queueUrl` and invoking `function` with its batches. */
export async function startSqsEventSource(options: SqsEventSourceOptions): Promise<SqsEventSource> {
  const client = options.client ?? defaultClient();
  const batchSize = Math.round(clamp(options.batchSize, 1, 10_000, 10));
  const windowMs = clamp(options.maximumBatchingWindowInSeconds, 0, 300, 0) * 1000;
  const waitSeconds = Math.round(clamp(options.waitTimeSeconds, 0, 20, 2));
  const attrs = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: options.queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = attrs.Attributes?.QueueArn ?? '';
  const region = regionOfQueueArn(queueArn) ?? (await client.config.region());
  const abort = new AbortController();
  let batches = 0;

  const receive = async (max: number, wait: number): Promise<Message[]> => {
    const out = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(10, max),
        WaitTimeSeconds: wait,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: abort.signal },
    );
    return out.Messages ?? [];
  };

  /** One batch: waits for a first message, then fills up until the size or the window ends. */
  const gather = async (): Promise<Message[]> => {
    const batch = await receive(batchSize, waitSeconds);
    if (batch.length === 0) return batch;
    const windowEnd = Date.now() + windowMs;
    while (batch.length < batchSize && !abort.signal.aborted) {
      const left = windowEnd - Date.now();
      if (left <= 0) break;
      const more = await receive(batchSize - batch.length, Math.min(20, Math.ceil(left / 1000)));
      batch.push(...more);
    }
    return batch;
  };

  const remove = async (records: SqsRecord[]): Promise<void> => {
    for (let i = 0; i < records.length; i += 10) {
      const chunk = records.slice(i, i + 10);
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: chunk.map((r, n) => ({ Id: String(n), ReceiptHandle: r.receiptHandle })),
        }),
      );
    }
  };

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const messages = await gather();
        if (messages.length === 0) continue;
        const records = messages.map((m) => sqsRecord(m, queueArn, region));
        const result = await options.function.invoke(
          { Records: records },
          { links: producerLinks(records) },
        );
        batches += 1;
        const outcome = batchOutcome(records, result, options.reportBatchItemFailures === true);
        await remove(outcome.deleted);
        options.onBatch?.({ records, result, outcome });
      } catch {
        // Aborted on stop, or the emulator went away: poll again after a pause, as Lambda does.
        if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const running = loop();

  let stopping: Promise<void> | undefined;
  return {
    get batches() {
      return batches;
    },
    stop: () =>
      (stopping ??= (async () => {
        abort.abort();
        await running;
        if (options.client === undefined) client.destroy();
      })()),
  };
}
