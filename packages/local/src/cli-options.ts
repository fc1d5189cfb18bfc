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
  --retention SECONDS  drop traces not updated for this long (default 2592000 = 30 days)
  --region REGION      region in ARNs (default us-east-1)
  -h, --help           show this help`;

/** Parsed command line: options, or help, or an error message. */
export type CliParse =
  | { kind: 'run'; options: LocalXRayOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Parses `otel-xray-local` arguments. Pure; never throws. */
export function parseCliArgs(argv: string[]): CliParse {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'max-traces': { type: 'string' },
        retention: { type: 'string' },
        region: { type: 'string' },
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
  const retention = int('retention', 1);
  for (const v of [port, maxTraces, retention])
    if (typeof v === 'string') return { kind: 'error', message: v };
  if (typeof port === 'number') {
    if (port > 65535) return { kind: 'error', message: '--port must be ≤ 65535' };
    options.port = port;
  }
  if (typeof maxTraces === 'number') options.maxTraces = maxTraces;
  if (typeof retention === 'number') options.retentionSeconds = retention;
  if (typeof values.host === 'string') options.host = values.host;
  if (typeof values.data === 'string') options.data = values.data;
  if (typeof values.region === 'string') options.region = values.region;
  return { kind: 'run', options };
}
