// The container-mode path (a Docker engine answers): LocalStack's own Lambda runs the function
// in a container and its own event-source mapping polls the queue. This is that set-up as data
// (pure): what the LocalStack container needs, and the Lambda API requests that create the
// function from a zip and map the queue to it. deploy-localstack-lambda.ts sends them.
import type { ResolvedFunctionConfig } from '../function-config.ts';

/** One REST-JSON request of the Lambda API (2015-03-31). */
export interface LambdaApiRequest {
  /** What it does, for errors and logs. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
}

/** Options of {@link localStackLambdaPlan}. */
export interface LocalStackLambdaOptions {
  /** The function's code, zipped (see zipFiles). */
  zip: Buffer;
  /** Lambda runtime. Default `nodejs22.x` (the newest Node runtime LocalStack 4.x images run). */
  runtime?: string;
  /** Execution role (not enforced by LocalStack). */
  role?: string;
  /** `host:port` of the X-Ray daemon as the function's container reaches it. */
  daemonAddress?: string;
  /** Map this queue to the function (an SQS event-source mapping). */
  queue?: {
    arn: string;
    batchSize?: number;
    maximumBatchingWindowInSeconds?: number;
    reportBatchItemFailures?: boolean;
  };
}

/** Everything container mode needs for one function. */
export interface LocalStackLambdaPlan {
  /** Extra LocalStack container environment: Lambda on, function containers able to reach the host. */
  containerEnvironment: Record<string, string>;
  /** The Docker socket, mounted so LocalStack can start function containers. */
  bindMounts: Array<{ source: string; target: string }>;
  /** Create the function, then (with `queue`) the mapping. */
  requests: LambdaApiRequest[];
  /** The request to poll until `State` is `Active`. */
  getFunction: LambdaApiRequest;
}

/** Reserved names Lambda refuses in a function's `Environment`. */
const RESERVED =
  /^(_HANDLER|AWS_(LAMBDA|EXECUTION|REGION|DEFAULT_REGION|ACCESS|SECRET|SESSION)|LAMBDA_)/;

/** The container extras and API requests for `config` (pure). */
export function localStackLambdaPlan(
  config: ResolvedFunctionConfig,
  options: LocalStackLambdaOptions,
): LocalStackLambdaPlan {
  const variables = Object.fromEntries(
    Object.entries(config.environment).filter(([key]) => !RESERVED.test(key)),
  );
  if (options.daemonAddress !== undefined)
    variables.AWS_XRAY_DAEMON_ADDRESS = options.daemonAddress;
  if (config.nodeArgs.length > 0) variables.NODE_OPTIONS = config.nodeArgs.join(' ');
  const requests: LambdaApiRequest[] = [
    {
      label: `CreateFunction ${config.name}`,
      method: 'POST',
      path: '/2015-03-31/functions',
      body: {
        FunctionName: config.name,
        Runtime: options.runtime ?? 'nodejs22.x',
        Role: options.role ?? `arn:aws:iam::${config.accountId}:role/lambda-role`,
        Handler: config.handler,
        Code: { ZipFile: options.zip.toString('base64') },
        Timeout: Math.ceil(config.timeoutSeconds),
        MemorySize: config.memoryMb,
        Environment: { Variables: variables },
        TracingConfig: { Mode: config.tracing },
      },
    },
  ];
  if (options.queue !== undefined) {
    requests.push({
      label: `CreateEventSourceMapping ${options.queue.arn} → ${config.name}`,
      method: 'POST',
      path: '/2015-03-31/event-source-mappings',
      body: {
        FunctionName: config.name,
        EventSourceArn: options.queue.arn,
        BatchSize: options.queue.batchSize ?? 10,
        MaximumBatchingWindowInSeconds: options.queue.maximumBatchingWindowInSeconds ?? 0,
        ...(options.queue.reportBatchItemFailures === true
          ? { FunctionResponseTypes: ['ReportBatchItemFailures'] }
          : {}),
        Enabled: true,
      },
    });
  }
  return {
    containerEnvironment: {
      SERVICES: 'sqs,sns,lambda',
      LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT: '60',
      // Function containers reach the host (the local X-Ray) as host.docker.internal, on Linux too.
      LAMBDA_DOCKER_FLAGS: '--add-host=host.docker.internal:host-gateway',
    },
    bindMounts: [{ source: '/var/run/docker.sock', target: '/var/run/docker.sock' }],
    requests,
    getFunction: {
      label: `GetFunction ${config.name}`,
      method: 'GET',
      path: `/2015-03-31/functions/${encodeURIComponent(config.name)}`,
    },
  };
}
