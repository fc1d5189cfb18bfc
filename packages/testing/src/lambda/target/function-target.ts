// The one seam for "a function fed by an SQS queue": the suites and the sample system start,
// invoke and map a queue through this, whether the local runner or LocalStack's own Lambda
// (container mode) runs the function.
import type { LocalFunctionConfig } from '../function-config.ts';
import type { InvokeResult } from '../invoke-result.ts';
import type { SqsBatchReport } from '../sqs/sqs-event-source.ts';

/** Which runner a {@link FunctionTarget} uses. */
export type FunctionTargetKind = 'local' | 'localstack';

/** Options of {@link FunctionTarget.mapQueue}, as an SQS event-source mapping's. */
export interface QueueMappingOptions {
  /** Records per batch. Default 10. */
  batchSize?: number;
  /** Seconds to gather a batch. Default 0. */
  maximumBatchingWindowInSeconds?: number;
  /** `FunctionResponseTypes: ['ReportBatchItemFailures']`. Default false. */
  reportBatchItemFailures?: boolean;
  /**
   * Every batch with its invocation — local runner only: LocalStack's own mapping polls inside
   * LocalStack, so its batches cannot be observed from here.
   */
  onBatch?: (batch: SqsBatchReport) => void;
}

/** What {@link FunctionTarget.invoke} answers; the local runner fills every field. */
export type TargetInvokeResult = Pick<InvokeResult, 'payload' | 'functionError'> &
  Partial<Omit<InvokeResult, 'payload' | 'functionError'>>;

/** A function fed by an SQS queue, wherever it runs. */
export interface FunctionTarget {
  readonly kind: FunctionTargetKind;
  /** Creates (or starts) the function; resolves once it can be invoked. */
  start(config: LocalFunctionConfig): Promise<void>;
  /** One synchronous invocation (`RequestResponse`). */
  invoke(event: unknown): Promise<TargetInvokeResult>;
  /** Feeds the function from the queue through an event-source mapping. */
  mapQueue(queueUrl: string, options?: QueueMappingOptions): Promise<void>;
  /** Sends what the runner still holds of its own segments (nothing to do for LocalStack). */
  flush(): Promise<void>;
  /** Removes the mapping, then the function; idempotent. */
  stop(): Promise<void>;
}
