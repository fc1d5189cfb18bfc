import { diag } from '@opentelemetry/api';
import { DEFAULT_DAEMON_ADDRESS, parseDaemonAddress } from '../daemon-address.ts';
import type { DaemonAddress } from '../daemon-address.ts';

/**
 * The daemon address to use: `AWS_XRAY_DAEMON_ADDRESS` overrides the programmatic value (as in the
 * X-Ray SDKs); an unparsable value warns once and falls back to the default.
 */
export function resolveDaemonAddress(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DaemonAddress {
  const fromEnv = env['AWS_XRAY_DAEMON_ADDRESS'];
  const [source, value] =
    fromEnv !== undefined && fromEnv.trim() !== ''
      ? ['AWS_XRAY_DAEMON_ADDRESS', fromEnv]
      : ['daemonAddress', configured];
  if (value === undefined) return DEFAULT_DAEMON_ADDRESS;
  const parsed = parseDaemonAddress(value);
  if (parsed !== undefined) return parsed;
  diag.warn(
    `XRaySpanExporter: invalid ${source} ${JSON.stringify(value)}; using 127.0.0.1:2000 ` +
      '(expected host:port or "udp:host:port tcp:host:port")',
  );
  return DEFAULT_DAEMON_ADDRESS;
}
