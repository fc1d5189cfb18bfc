/**
 * Variables a service inherits from the process that starts it, by exact name. Everything else —
 * `LOCALSTACK_AUTH_TOKEN`, a shell's secrets, `AWS_PROFILE` — stays out of the services.
 */
export const INHERITED_ENV_NAMES: readonly string[] = [
  // the process: where to find programs, the user's home (the SDK's ~/.aws lookups), locale
  'PATH',
  'HOME',
  'TMPDIR',
  'TZ',
  'LANG',
  // a corporate CA for TLS to a remote endpoint
  'NODE_EXTRA_CA_CERTS',
  // AWS SDK v3 clients (SNS, SQS): where to call, and as whom (the emulator's test keys)
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_SNS',
  'AWS_ENDPOINT_URL_SQS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  // @otel-xray/node: the daemon the exporter sends to, the sampler polls
  'AWS_XRAY_DAEMON_ADDRESS',
  // the services' own optional settings (PORT, ORDERS_URL and the queue URLs come from startSystem)
  'HOST',
  'VISIBILITY_TIMEOUT',
  'SHUTDOWN_DEADLINE_MS',
];

/** Inherited by prefix: `OTEL_` (tracing configuration, read by `@otel-xray/node`), `LC_` (locale). */
export const INHERITED_ENV_PREFIXES: readonly string[] = ['OTEL_', 'LC_'];

/** Whether a variable of that name passes from the parent to a service. */
export function isInheritedEnvName(name: string): boolean {
  return (
    INHERITED_ENV_NAMES.includes(name) ||
    INHERITED_ENV_PREFIXES.some((prefix) => name.startsWith(prefix))
  );
}

/**
 * The part of `parent` a service gets: the allow-listed variables that are set. Not inherited on
 * purpose: `NODE_OPTIONS` (a parent's `--inspect` would make every service fight for one port;
 * the kit passes the flags services need on their command line) and the platform's own
 * (`AWS_LAMBDA_*`, `_X_AMZN_TRACE_ID`, `ECS_*`), which describe the parent, not the service.
 * @example
 * spawn(node, args, { env: { ...inheritedEnv(process.env), OTEL_SERVICE_NAME: 'orders' } });
 */
export function inheritedEnv(parent: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && isInheritedEnvName(name)) env[name] = value;
  }
  return env;
}
