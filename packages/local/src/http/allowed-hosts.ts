// Which `Host` header values the server answers: the DNS-rebinding defence. A rebinding page
// reaches us under a name its attacker controls (`evil.example:2000` resolving to 127.0.0.1); it
// cannot make the browser send a loopback address or `localhost` as the Host of its own origin.
import { BlockList, isIP } from 'node:net';

/** A parsed `Host` header: lower-case hostname (IPv6 without brackets) and port, if any. */
export interface HostPort {
  hostname: string;
  port?: number;
}

const NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?$/;
const IPV6 = /^\[([0-9a-f:.]+)\]$/;

/**
 * Parses a `Host` header (`name`, `name:port`, `1.2.3.4:port`, `[::1]:port`) strictly: anything
 * with user info, paths, spaces or stray characters is undefined. Case-insensitive; a trailing dot
 * is kept (it is part of the origin the browser computes).
 */
export function parseHostHeader(value: string | undefined): HostPort | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  const colon = text.lastIndexOf(':');
  const hasPort = colon > text.lastIndexOf(']');
  const host = hasPort ? text.slice(0, colon) : text;
  const portText = hasPort ? text.slice(colon + 1) : undefined;
  let port: number | undefined;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText)) return undefined;
    port = Number(portText);
    if (port > 65535) return undefined;
  }
  const v6 = IPV6.exec(host);
  if (v6 !== null) return isIP(v6[1]!) === 6 ? withPort(v6[1]!, port) : undefined;
  if (!NAME.test(host) || host.length > 253) return undefined;
  return withPort(host, port);
}

function withPort(hostname: string, port: number | undefined): HostPort {
  return port === undefined ? { hostname } : { hostname, port };
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, `::1` and IPv4-mapped loopback (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return loopback.check(address, 'ipv4');
  if (family === 6) return loopback.check(address, 'ipv6');
  return false;
}

/** Options of {@link hostAllowList}. */
export interface HostAllowListOptions {
  /** The address the server binds (`--host`); always allowed. */
  host: string;
  /** Extra names (`--allowed-host`); a leading dot (`.example.test`) also allows subdomains. */
  allowedHosts?: readonly string[];
  /** Addresses the machine answers on; allowed when `host` binds every interface. */
  interfaceAddresses?: () => readonly string[];
}

/**
 * Builds the Host check: a hostname (from {@link parseHostHeader}) is allowed when it is a
 * loopback address, `localhost` or a `*.localhost` name (RFC 6761: always loopback), the bound
 * `host`, one of `allowedHosts`, or — when `host` is `0.0.0.0` / `::` — one of the machine's own
 * interface addresses. Any port. Pure apart from reading the interface list once.
 */
export function hostAllowList(options: HostAllowListOptions): (hostname: string) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  const bindAll = isBindAll(options.host);
  for (const entry of [...(bindAll ? [] : [options.host]), ...(options.allowedHosts ?? [])]) {
    const raw = entry.trim().toLowerCase();
    if (raw.startsWith('.') && raw.length > 1) {
      suffixes.push(raw);
      exact.add(raw.slice(1));
      continue;
    }
    const parsed = parseHostHeader(raw) ?? parseHostHeader(`[${raw}]`);
    if (parsed !== undefined) exact.add(stripDot(parsed.hostname));
  }
  if (bindAll) {
    for (const address of options.interfaceAddresses?.() ?? []) exact.add(address.toLowerCase());
  }
  return (hostname) => {
    const name = stripDot(hostname.toLowerCase());
    if (isLoopbackAddress(name)) return true;
    if (name === 'localhost' || name.endsWith('.localhost')) return true;
    if (exact.has(name)) return true;
    return suffixes.some((suffix) => name.endsWith(suffix));
  };
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** True for addresses that bind every interface (`0.0.0.0`, `::`). */
export function isBindAll(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}
