// LocalStack's own Lambda behind the FunctionTarget seam (container mode: LocalStack starts the
// function in a container through the Docker engine). The requests are the real AWS SDK's against
// the emulator endpoint; their bodies come from localStackLambdaPlan, the one place that knows
// what the function needs (environment, tracing, the mapping's batch settings).
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  InvokeCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
  type CreateEventSourceMappingCommandInput,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { resolveFunctionConfig, type ResolvedFunctionConfig } from '../function-config.ts';
import { parsePayload } from '../invoke-result.ts';
import { localStackLambdaPlan } from '../container/localstack-lambda-plan.ts';
import { zipDirectory } from '../container/zip-directory.ts';
import type { FunctionTarget, QueueMappingOptions } from './function-target.ts';

/** Options of {@link localStackFunctionTarget}. */
export interface LocalStackTargetOptions {
  /** LocalStack's endpoint, e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  region: string;
  /** `host:port` of the X-Ray daemon as the function's container reaches it (not loopback). */
  daemonAddress: string;
  /** The code; default the function's `taskRoot` zipped (see zipDirectory). */
  zip?: Buffer;
  /** Lambda runtime. Default the plan's (`nodejs22.x`). */
  runtime?: string;
  /** Give up waiting for `State: Active` after this long, s. Default 120 (first image pull). */
  activeTimeoutSeconds?: number;
}

/** `arn:aws:sqs:{region}:{account}:{name}` of a queue URL (`…/{account}/{name}`; pure). */
export function queueArnFromUrl(queueUrl: string, region: string): string {
  const parts = new URL(queueUrl).pathname.split('/').filter(Boolean);
  const [account, name] = parts.slice(-2);
  if (parts.length < 2 || !/^\d{12}$/.test(account ?? '') || !name)
    throw new Error(`not an SQS queue URL (…/<account>/<name>): ${queueUrl}`);
  return `arn:aws:sqs:${region}:${account}:${name}`;
}

/** The SDK input of CreateFunction for `config` (pure but for the zip). */
export function createFunctionInput(
  config: ResolvedFunctionConfig,
  options: Pick<LocalStackTargetOptions, 'daemonAddress' | 'runtime'> & { zip: Buffer },
): CreateFunctionCommandInput {
  const plan = localStackLambdaPlan(config, {
    zip: Buffer.alloc(0), // the SDK sends the bytes itself (base64 in JSON)
    daemonAddress: options.daemonAddress,
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
  });
  const body = plan.requests[0]!.body as unknown as CreateFunctionCommandInput;
  return { ...body, Code: { ZipFile: options.zip } };
}

/** The SDK input of CreateEventSourceMapping (pure). */
export function createMappingInput(
  config: ResolvedFunctionConfig,
  queueArn: string,
  mapping: QueueMappingOptions,
): CreateEventSourceMappingCommandInput {
  const plan = localStackLambdaPlan(config, {
    zip: Buffer.alloc(0),
    queue: {
      arn: queueArn,
      ...(mapping.batchSize !== undefined ? { batchSize: mapping.batchSize } : {}),
      ...(mapping.maximumBatchingWindowInSeconds !== undefined
        ? { maximumBatchingWindowInSeconds: mapping.maximumBatchingWindowInSeconds }
        : {}),
      ...(mapping.reportBatchItemFailures !== undefined
        ? { reportBatchItemFailures: mapping.reportBatchItemFailures }
        : {}),
    },
  });
  return plan.requests[1]!.body as unknown as CreateEventSourceMappingCommandInput;
}

/** A target that deploys the function to LocalStack's Lambda and maps queues there. */
export function localStackFunctionTarget(options: LocalStackTargetOptions): FunctionTarget {
  const client = new LambdaClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, // LocalStack's; never real ones
  });
  let config: ResolvedFunctionConfig | undefined;
  const mappings: string[] = [];
  let stopping: Promise<void> | undefined;
  const started = (): ResolvedFunctionConfig => {
    if (config === undefined) throw new Error('LocalStack function target: start() it first');
    return config;
  };
  return {
    kind: 'localstack',
    async start(input) {
      if (config !== undefined) throw new Error('LocalStack function target: already started');
      const resolved = resolveFunctionConfig({ region: options.region, ...input });
      const zip = options.zip ?? zipDirectory(resolved.taskRoot);
      await client.send(
        new CreateFunctionCommand(
          createFunctionInput(resolved, {
            zip,
            daemonAddress: options.daemonAddress,
            ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
          }),
        ),
      );
      config = resolved;
      const waited = await waitUntilFunctionActiveV2(
        { client, maxWaitTime: options.activeTimeoutSeconds ?? 120, minDelay: 1, maxDelay: 2 },
        { FunctionName: resolved.name },
      );
      if (String(waited.state) !== 'SUCCESS')
        throw new Error(`LocalStack Lambda ${resolved.name}: not Active (${waited.state})`);
    },
    async invoke(event) {
      const out = await client.send(
        new InvokeCommand({
          FunctionName: started().name,
          Payload: Buffer.from(JSON.stringify(event ?? null)),
        }),
      );
      const payload = parsePayload(Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8'));
      return {
        payload,
        ...(out.FunctionError !== undefined ? { functionError: 'Unhandled' as const } : {}),
      };
    },
    async mapQueue(queueUrl, mapping = {}) {
      const input = createMappingInput(
        started(),
        queueArnFromUrl(queueUrl, options.region),
        mapping,
      );
      const out = await client.send(new CreateEventSourceMappingCommand(input));
      if (out.UUID !== undefined) mappings.push(out.UUID);
    },
    flush: () => Promise.resolve(),
    stop: () =>
      (stopping ??= (async () => {
        try {
          for (const uuid of mappings)
            await client.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
          if (config !== undefined)
            await client.send(new DeleteFunctionCommand({ FunctionName: config.name }));
        } finally {
          client.destroy();
        }
      })()),
  };
}
