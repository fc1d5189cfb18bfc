import { parseArgs } from 'node:util';
import type { LocalXRayOptions } from './start-local-xray.ts';

/** Usage text of `otel-xray-local`. */
export const USAGE = `Usage: otel-xray-local [options]

A local AWS X-Ray: daemon UDP protocol, the X-Ray HTTP API and a web UI on one port.

Options:
  --host HOST          address to bind (default 127.0.0.1)
  --port PORT          UDP daemon + HTTP API/UI port (default 2000; 0 = any free port)
  --data FILE          persist documents in this sqlite file (default: memory only)
  --max-traces N       traces kept before the oldest is evicted (default 50000)
  --max-log-records N  OTLP log lines kept before the oldest is dropped (default 100000)
  --retention SECONDS  drop traces not updated for this long (default 2592000 = 30 days)
  --region REGION      region in ARNs (default us-east-1)
  --allowed-host NAME  also answer HTTP requests whose Host is NAME (repeatable; default: loopback
                       addresses, localhost and --host only). Env: OTEL_XRAY_LOCAL_ALLOWED_HOSTS
                       (comma-separated)
  --max-queue-bytes N  bytes queued between receiving and storing before datagrams are dropped
                       and counted (default 67108864 = 64 MiB)
  --data-recover       with --data: copy what can be read of a damaged file into a new one, keep
                       the damaged file beside it, then start
  -h, --help           show this help`;

/** Parsed command line: options, or help, or an error message. */
export type CliParse =
  | { kind: 'run'; options: LocalXRayOptions; recover?: true }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Parses `otel-xray-local` arguments (and `OTEL_XRAY_LOCAL_*` from `env`). Pure; never throws. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = {}): CliParse {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'max-traces': { type: 'string' },
        'max-log-records': { type: 'string' },
        retention: { type: 'string' },
        region: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'max-queue-bytes': { type: 'string' },
        'data-recover': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help === true) return { kind: 'help' };
  const options: LocalXRayOptions = {};
  const int = (name: string, min: number): number | string | undefined => {
    const raw = values[name];
    if (typeof raw !== 'string') return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min ? n : `--${name} must be an integer ≥ ${min}`;
  };
  const port = int('port', 0);
  const maxTraces = int('max-traces', 1);
  const maxLogRecords = int('max-log-records', 1);
  const retention = int('retention', 1);
  const maxQueueBytes = int('max-queue-bytes', 1);
  for (const v of [port, maxTraces, maxLogRecords, retention, maxQueueBytes])
    if (typeof v === 'string') return { kind: 'error', message: v };
  if (typeof port === 'number') {
    if (port > 65535) return { kind: 'error', message: '--port must be ≤ 65535' };
    options.port = port;
  }
  if (typeof maxTraces === 'number') options.maxTraces = maxTraces;
  if (typeof maxLogRecords === 'number') options.maxLogRecords = maxLogRecords;
  if (typeof retention === 'number') options.retentionSeconds = retention;
  if (typeof values.host === 'string') options.host = values.host;
  if (typeof values.data === 'string') options.data = values.data;
  if (typeof values.region === 'string') options.region = values.region;
  if (typeof maxQueueBytes === 'number') options.maxQueueBytes = maxQueueBytes;
  const allowedHosts = [
    ...(env.OTEL_XRAY_LOCAL_ALLOWED_HOSTS ?? '').split(','),
    ...((values['allowed-host'] as string[] | undefined) ?? []),
  ]
    .map((h) => h.trim())
    .filter((h) => h !== '');
  if (allowedHosts.length > 0) options.allowedHosts = allowedHosts;
  if (values['data-recover'] === true) {
    if (options.data === undefined)
      return { kind: 'error', message: '--data-recover needs --data FILE' };
    return { kind: 'run', options, recover: true };
  }
  return { kind: 'run', options };
}
