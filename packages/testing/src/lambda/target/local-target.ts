// The local runner behind the FunctionTarget seam: startLocalFunction (aws-lambda-ric against the
// local Runtime API, facade segments) fed by the local SQS event-source mapping.
import type { LocalFunctionConfig } from '../function-config.ts';
import {
  startLocalFunction,
  type LocalFunction,
  type LocalFunctionOptions,
} from '../local-function.ts';
import { startSqsEventSource, type SqsEventSource } from '../sqs/sqs-event-source.ts';
import type { FunctionTarget, QueueMappingOptions } from './function-target.ts';

/** Options of {@link localFunctionTarget}. */
export interface LocalTargetOptions extends LocalFunctionOptions {
  /** Long-poll wait of the local mapping, seconds. Default 1. */
  waitTimeSeconds?: number;
}

/** A target that runs the function in a child process on this machine (today's behaviour). */
export function localFunctionTarget(options: LocalTargetOptions = {}): FunctionTarget {
  let fn: LocalFunction | undefined;
  const sources: SqsEventSource[] = [];
  let stopping: Promise<void> | undefined;
  const started = (): LocalFunction => {
    if (fn === undefined) throw new Error('local function target: start() it first');
    return fn;
  };
  return {
    kind: 'local',
    // misuse rejects like every other failure instead of throwing synchronously
    start: (config: LocalFunctionConfig) => {
      if (fn !== undefined)
        return Promise.reject(new Error('local function target: already started'));
      const { waitTimeSeconds: _wait, ...functionOptions } = options;
      fn = startLocalFunction(config, functionOptions);
      return Promise.resolve();
    },
    invoke: async (event) => started().invoke(event),
    mapQueue: async (queueUrl: string, mapping: QueueMappingOptions = {}) => {
      sources.push(
        await startSqsEventSource({
          function: started(),
          queueUrl,
          batchSize: mapping.batchSize ?? 10,
          maximumBatchingWindowInSeconds: mapping.maximumBatchingWindowInSeconds ?? 0,
          reportBatchItemFailures: mapping.reportBatchItemFailures ?? false,
          waitTimeSeconds: options.waitTimeSeconds ?? 1,
          ...(mapping.onBatch !== undefined ? { onBatch: mapping.onBatch } : {}),
        }),
      );
    },
    flush: () => fn?.flush() ?? Promise.resolve(),
    stop: () =>
      (stopping ??= (async () => {
        await Promise.all(sources.map((s) => s.stop()));
        await fn?.stop();
      })()),
  };
}
