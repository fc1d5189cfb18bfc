// The LocalStack container definition as data (pure): image, environment, port, readiness, and
// the error for images that need a token. Applied to testcontainers by container-mode.ts.

/** The last LocalStack image that runs without an auth token (spec/emulators.md §5). */
export const DEFAULT_LOCALSTACK_IMAGE = 'localstack/localstack:4.14.0';
/** LocalStack's gateway port inside the container. */
export const LOCALSTACK_PORT = 4566;
/** Exit code of LocalStack images that refuse to start without `LOCALSTACK_AUTH_TOKEN`. */
export const TOKEN_REQUIRED_EXIT_CODE = 55;

/** Options of container mode. */
export interface ContainerModeOptions {
  /** Image. Default {@link DEFAULT_LOCALSTACK_IMAGE} (or `OTEL_XRAY_LOCALSTACK_IMAGE`). */
  image?: string;
  /** Extra container environment (wins over the defaults). */
  environment?: Record<string, string>;
  /** How long to wait for `Ready.`. Default 120 s. */
  startupTimeoutMs?: number;
  /** Host paths to mount, e.g. the Docker socket LocalStack's Lambda needs (localStackLambdaPlan). */
  bindMounts?: Array<{ source: string; target: string }>;
}

/** Everything container mode sets on the container. */
export interface LocalStackContainerPlan {
  image: string;
  environment: Record<string, string>;
  /** Container port to expose (mapped to a random host port). */
  port: number;
  /** Log line that means ready (LocalStack prints `Ready.`). */
  readyLogLine: string;
  startupTimeoutMs: number;
  /** Host paths mounted into the container (only when asked for). */
  bindMounts?: Array<{ source: string; target: string }>;
}

/**
 * The container for SQS + SNS: eager loading, queue URLs built from the request's Host header
 * (`dynamic`, so they follow the mapped port), the native SNS provider, and
 * `LOCALSTACK_AUTH_TOKEN` passed through only when it is set.
 */
export function localStackContainerPlan(
  options: ContainerModeOptions = {},
  env: Record<string, string | undefined> = process.env,
): LocalStackContainerPlan {
  const environment: Record<string, string> = {
    SERVICES: 'sqs,sns',
    EAGER_SERVICE_LOADING: '1',
    SQS_ENDPOINT_STRATEGY: 'dynamic',
    PROVIDER_OVERRIDE_SNS: 'v2',
    DISABLE_EVENTS: '1',
    SQS_DISABLE_CLOUDWATCH_METRICS: '1',
    ...options.environment,
  };
  const token = env.LOCALSTACK_AUTH_TOKEN;
  if (token) environment.LOCALSTACK_AUTH_TOKEN = token;
  return {
    image: options.image ?? (env.OTEL_XRAY_LOCALSTACK_IMAGE || DEFAULT_LOCALSTACK_IMAGE),
    environment,
    port: LOCALSTACK_PORT,
    readyLogLine: 'Ready',
    startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
    ...(options.bindMounts !== undefined && options.bindMounts.length > 0
      ? { bindMounts: options.bindMounts }
      : {}),
  };
}

/** The plan in one line, secrets masked — the only form in which a plan is ever printed. */
export function describeContainerPlan(plan: LocalStackContainerPlan): string {
  const env = Object.entries(plan.environment)
    .map(([k, v]) => `${k}=${/TOKEN|SECRET|PASSWORD|KEY/i.test(k) ? '***' : v}`)
    .join(' ');
  return `${plan.image} (port ${plan.port}; ${env})`;
}

/** The error for a container that exited before `Ready.`; names the two fixes for exit code 55. */
export function containerExitError(plan: LocalStackContainerPlan, exitCode: number): Error {
  if (exitCode !== TOKEN_REQUIRED_EXIT_CODE) {
    return new Error(
      `LocalStack container ${plan.image} exited with code ${exitCode} before it was ready.`,
    );
  }
  const hasToken = plan.environment.LOCALSTACK_AUTH_TOKEN !== undefined;
  return new Error(
    `LocalStack container ${plan.image} exited with code 55: this image needs an auth token` +
      `${hasToken ? ' and rejected the one given' : ''}. Fix it one of two ways:\n` +
      `  1. pin a token-free image: ${DEFAULT_LOCALSTACK_IMAGE} (the default; set OTEL_XRAY_LOCALSTACK_IMAGE or the image option), or\n` +
      `  2. set LOCALSTACK_AUTH_TOKEN in the environment (it is passed to the container and never printed).`,
  );
}
