// The notifications step as Lambda runs it: the function in services/notifications fed by its
// queue through an SQS event-source mapping with ReportBatchItemFailures, on either target of the
// FunctionTarget seam — the local runner (real runtime client, local Runtime API, local mapping) or
// LocalStack's own Lambda (container mode: LocalStack runs the function and polls the queue).
import { fileURLToPath } from 'node:url';
import { localFunctionTarget, localStackFunctionTarget } from '@otel-xray/testing';
import type { FunctionTarget, FunctionTargetKind, SqsBatchReport } from '@otel-xray/testing';
import { notificationsZip } from './notifications-bundle.ts';

/** Name of the function (and of its X-Ray segments). */
export const NOTIFICATIONS_FUNCTION = 'notifications';

/** The running function and its mapping. */
export interface NotificationsFunction {
  /** Where it runs. */
  readonly target: FunctionTarget;
  /** Every batch so far, in order — local runner only (LocalStack's mapping is not observable). */
  readonly batches: readonly SqsBatchReport[];
  /** Sends the runner's own segments it still holds. */
  flush(): Promise<void>;
  /** Removes the mapping, then the function; idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startNotificationsFunction}. */
export interface NotificationsOptions {
  queueUrl: string;
  /** `AWS_XRAY_DAEMON_ADDRESS` of the function (as it reaches the daemon from where it runs). */
  daemonAddress: string;
  /** Which runner. Default `local`. */
  target?: FunctionTargetKind;
  /** LocalStack's endpoint and region (target `localstack`). Default `AWS_ENDPOINT_URL`, `AWS_REGION`. */
  endpoint?: string;
  region?: string;
  /** The function's output, line by line (local runner; LocalStack keeps it in its logs). */
  onLine?: (line: string) => void;
}

const taskRoot = fileURLToPath(new URL('../../notifications/', import.meta.url));

async function makeTarget(options: NotificationsOptions): Promise<FunctionTarget> {
  if (options.target === 'localstack') {
    const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL;
    if (!endpoint) throw new Error('the localstack Lambda target needs AWS_ENDPOINT_URL');
    return localStackFunctionTarget({
      endpoint,
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      daemonAddress: options.daemonAddress,
      // one bundled index.mjs: the container has no type stripping and no workspace node_modules
      zip: await notificationsZip(),
    });
  }
  let pending = '';
  return localFunctionTarget({
    waitTimeSeconds: 1,
    onLog: (text) => {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line !== '') options.onLine?.(line);
    },
  });
}

/** Creates the function and maps its queue; on the local runner it starts (cold) with the first batch. */
export async function startNotificationsFunction(
  options: NotificationsOptions,
): Promise<NotificationsFunction> {
  const target = await makeTarget(options);
  const batches: SqsBatchReport[] = [];
  try {
    await target.start({
      name: NOTIFICATIONS_FUNCTION,
      handler: 'index.handler',
      taskRoot,
      timeoutSeconds: 3,
      daemonAddress: options.daemonAddress,
      nodeArgs: ['--conditions=otel-xray-source'],
    });
    await target.mapQueue(options.queueUrl, {
      batchSize: 10,
      maximumBatchingWindowInSeconds: 1,
      reportBatchItemFailures: true,
      onBatch: (batch) => batches.push(batch),
    });
  } catch (error) {
    await target.stop();
    throw error;
  }
  return { target, batches, flush: () => target.flush(), stop: () => target.stop() };
}
