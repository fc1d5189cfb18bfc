// The environment Lambda gives a Node function's process (the reserved variables of
// "Defined runtime environment variables" in the Lambda developer guide), built as data.
import type { ResolvedFunctionConfig } from './function-config.ts';

/** Variables the function may not override, as Lambda reserves them. */
const RESERVED = new Set([
  '_HANDLER',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  '_X_AMZN_TRACE_ID',
]);

/** Inherited from the runner so the child finds Node and the emulator's credentials and endpoint. */
const INHERITED = [
  'PATH',
  'HOME',
  'TZ',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ENDPOINT_URL_SNS',
];

/**
 * The child's environment: Lambda's reserved variables, the function's own ones (reserved names
 * ignored), and a few of the runner's (PATH, credentials, endpoints). `_X_AMZN_TRACE_ID` is not
 * here: the runtime client sets it per invocation from `Lambda-Runtime-Trace-Id`.
 */
export function functionEnvironment(
  config: ResolvedFunctionConfig,
  runtimeApi: string,
  logStream: string,
  parent: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = parent[key];
    if (value !== undefined) env[key] = value;
  }
  for (const [key, value] of Object.entries(config.environment)) {
    if (!RESERVED.has(key)) env[key] = value;
  }
  Object.assign(env, {
    _HANDLER: config.handler,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: config.name,
    AWS_LAMBDA_FUNCTION_VERSION: config.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${config.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_REGION: config.region,
    AWS_DEFAULT_REGION: config.region,
    AWS_XRAY_DAEMON_ADDRESS: config.daemonAddress,
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    LAMBDA_TASK_ROOT: config.taskRoot,
    LANG: 'en_US.UTF-8',
  });
  return env;
}

/** A log stream name shaped like Lambda's: `YYYY/MM/DD/[version]` + 32 hex. */
export function logStreamName(now: Date, version: string, hex32: string): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${hex32}`;
}
