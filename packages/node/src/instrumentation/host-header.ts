// `server.address` / `server.port` from a Host-like header (`host`, `host:port`, `[v6]:port`), with
// the scheme's default port when none is given — the rule of the OTel http instrumentation.

/** Host and port (a string, or undefined when neither header nor scheme gives one). */
export interface HostAndPort {
  host: string;
  port: string | undefined;
}

function defaultPort(scheme: string | undefined): string | undefined {
  if (scheme === 'http') return '80';
  if (scheme === 'https') return '443';
  return undefined;
}

/** Splits a Host header value; pure, never throws. */
export function parseHostHeader(value: string, scheme?: string): HostAndPort {
  const first = value.indexOf(':');
  if (first === -1) return { host: value, port: defaultPort(scheme) };
  const last = value.lastIndexOf(':');
  if (first === last) return { host: value.slice(0, first), port: value.slice(first + 1) };
  if (value.startsWith('[')) {
    if (value.endsWith(']')) return { host: value, port: defaultPort(scheme) };
    if (value.charCodeAt(last - 1) === 93 /* ] */)
      return { host: value.slice(0, last), port: value.slice(last + 1) };
  }
  return { host: value, port: undefined };
}
