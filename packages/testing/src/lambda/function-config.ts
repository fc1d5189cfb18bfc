// What the local runner needs to know about one function: the subset of Lambda's function
// configuration that changes how it runs, with Lambda's defaults.

/** X-Ray tracing mode of the function, as in Lambda's `TracingConfig`. */
export type TracingMode = 'Active' | 'PassThrough';

/** A function to run locally. */
export interface LocalFunctionConfig {
  /** Function name (`AWS_LAMBDA_FUNCTION_NAME`, segment names). */
  name: string;
  /** Handler, `file.export` relative to `taskRoot` (`_HANDLER`), e.g. `index.handler`. */
  handler: string;
  /** Directory holding the code (`LAMBDA_TASK_ROOT`, the child's working directory). */
  taskRoot: string;
  /** Timeout in seconds. Default 3, as Lambda's. */
  timeoutSeconds?: number;
  /** Memory in MB (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`; not enforced). Default 128. */
  memoryMb?: number;
  /** Region. Default `AWS_REGION` or `us-east-1`. */
  region?: string;
  /** Account ID for ARNs. Default `000000000000` (LocalStack's). */
  accountId?: string;
  /** Version. Default `$LATEST`. */
  version?: string;
  /** `Active` (default): the runner writes the Lambda segments; `PassThrough`: it only forwards the header. */
  tracing?: TracingMode;
  /** The function's own environment variables (win over nothing Lambda reserves). */
  environment?: Record<string, string>;
  /** `host:port` of the X-Ray daemon (`AWS_XRAY_DAEMON_ADDRESS`). Default `127.0.0.1:2000`. */
  daemonAddress?: string;
  /** Extra Node flags for the child, e.g. `['--import', '@otel-xray/lambda/register']`. */
  nodeArgs?: string[];
  /** Longest init (start to the first `next`) before it is cut, ms. Default 10 000, as Lambda's. */
  initTimeoutMs?: number;
}

/** The configuration with every default filled in. */
export type ResolvedFunctionConfig = Required<Omit<LocalFunctionConfig, 'environment'>> & {
  environment: Record<string, string>;
  /** `arn:aws:lambda:{region}:{account}:function:{name}`. */
  arn: string;
};

/** Fills the defaults in (pure; `env` is only read for `AWS_REGION`). */
export function resolveFunctionConfig(
  config: LocalFunctionConfig,
  env: Record<string, string | undefined> = process.env,
): ResolvedFunctionConfig {
  const region = config.region ?? env.AWS_REGION ?? 'us-east-1';
  const accountId = config.accountId ?? '000000000000';
  const timeout = config.timeoutSeconds ?? 3;
  return {
    name: config.name,
    handler: config.handler,
    taskRoot: config.taskRoot,
    timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : 3,
    memoryMb: config.memoryMb ?? 128,
    region,
    accountId,
    version: config.version ?? '$LATEST',
    tracing: config.tracing ?? 'Active',
    environment: config.environment ?? {},
    daemonAddress: config.daemonAddress ?? '127.0.0.1:2000',
    nodeArgs: config.nodeArgs ?? [],
    initTimeoutMs: config.initTimeoutMs ?? 10_000,
    arn: `arn:aws:lambda:${region}:${accountId}:function:${config.name}`,
  };
}
