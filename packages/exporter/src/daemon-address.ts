// AWS_XRAY_DAEMON_ADDRESS forms (spec/xray-protocol.md §3.4): `host:port`, or
// `udp:host:port tcp:host:port` in either order. Pure: no env access, no logging.

/** One host and port. */
export interface HostPort {
  /** Host name or IPv4 address. */
  host: string;
  /** Port 1..65535. */
  port: number;
}

/** The daemon's UDP (segments) and TCP (sampling proxy) addresses. */
export interface DaemonAddress {
  /** Where segment datagrams go. */
  udp: HostPort;
  /** Where the sampling API proxy listens. */
  tcp: HostPort;
}

/** The daemon's default address, `127.0.0.1:2000` for both protocols. */
export const DEFAULT_DAEMON_ADDRESS: DaemonAddress = Object.freeze({
  udp: Object.freeze({ host: '127.0.0.1', port: 2000 }),
  tcp: Object.freeze({ host: '127.0.0.1', port: 2000 }),
});

function parseHostPort(text: string): HostPort | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const host = text.slice(0, colon);
  const portText = text.slice(colon + 1);
  if (host.includes(':') || !/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port < 1 || port > 65535) return undefined;
  return { host, port };
}

/**
 * Parses an `AWS_XRAY_DAEMON_ADDRESS` value.
 *
 * @returns the addresses, or `undefined` when the value matches neither form.
 * @example
 * parseDaemonAddress('udp:10.0.0.5:2000 tcp:10.0.0.5:2001');
 * // { udp: { host: '10.0.0.5', port: 2000 }, tcp: { host: '10.0.0.5', port: 2001 } }
 */
export function parseDaemonAddress(value: string): DaemonAddress | undefined {
  const parts = value.trim().split(/\s+/);
  if (parts.length === 1 && parts[0] !== '') {
    const both = parseHostPort(parts[0] ?? '');
    return both && { udp: both, tcp: { ...both } };
  }
  if (parts.length !== 2) return undefined;
  const found: Partial<DaemonAddress> = {};
  for (const part of parts) {
    const match = /^(udp|tcp):(.+)$/i.exec(part);
    const kind = match?.[1]?.toLowerCase() as 'udp' | 'tcp' | undefined;
    const address = match?.[2] === undefined ? undefined : parseHostPort(match[2]);
    if (kind === undefined || address === undefined || found[kind] !== undefined) return undefined;
    found[kind] = address;
  }
  return found.udp && found.tcp ? { udp: found.udp, tcp: found.tcp } : undefined;
}
