// What the kernel dropped for a UDP socket: datagrams that arrived while its receive buffer was
// full never reach the server, so tests that flood a port account for them instead of assuming
// zero loss. Linux publishes the count per socket in /proc/net/udp ("drops", the last column).
import { readFileSync } from 'node:fs';

/**
 * Datagrams the kernel dropped for the UDP socket bound to `port` (IPv4 and IPv6 tables summed),
 * or undefined where the system does not say (not Linux, or the socket is not listed).
 */
export function kernelDrops(port: number): number | undefined {
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let found = false;
  let drops = 0;
  for (const table of ['/proc/net/udp', '/proc/net/udp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 13 || !cols[1]?.endsWith(local)) continue;
      found = true;
      drops += Number(cols[cols.length - 1]);
    }
  }
  return found ? drops : undefined;
}
