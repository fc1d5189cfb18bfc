// The same-origin check: a browser names the page that made a request in `Origin`; only the
// server's own origin (`http://` + the Host it was reached under) may use the API.
import { parseHostHeader, type HostPort } from './allowed-hosts.ts';

const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#@]+)$/;
const HTTP_PORT = 80;

/**
 * True when `origin` (an `Origin` header value) is this server's own origin, given the parsed
 * `Host` it was reached under: scheme `http`, same hostname (case-insensitive), same port (80
 * when absent). `null`, other schemes, user info, paths and unparsable values are foreign.
 */
export function isOwnOrigin(origin: string, host: HostPort): boolean {
  const match = ORIGIN.exec(origin.trim().toLowerCase());
  if (match === null || match[1] !== 'http') return false;
  const parsed = parseHostHeader(match[2]);
  if (parsed === undefined) return false;
  return (
    parsed.hostname === host.hostname && (parsed.port ?? HTTP_PORT) === (host.port ?? HTTP_PORT)
  );
}
