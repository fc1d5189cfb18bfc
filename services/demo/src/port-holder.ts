// Who holds a local port, for the demo's "port taken" message: which protocol (by trying to bind
// it), and on Linux which process (its socket's inode in /proc/net/*, then the fd that links to it).
import { createSocket } from 'node:dgram';
import { readFile, readdir, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { createServer } from 'node:net';

/** A transport the local X-Ray binds (the daemon's UDP, the API's TCP). */
export type Protocol = 'UDP' | 'TCP';

/** One protocol on which the port is taken, and its holder when it could be told. */
export interface PortUse {
  protocol: Protocol;
  port: number;
  pid?: number;
  /** The holder's command line, shortened. */
  command?: string;
}

/**
 * Inodes of the sockets bound to local `port` in a `/proc/net/{tcp,udp}[6]` table (TCP: listening
 * only). Pure.
 */
export function socketInodes(table: string, port: number, protocol: Protocol): number[] {
  const inodes: number[] = [];
  for (const row of table.split('\n').slice(1)) {
    const cols = row.trim().split(/\s+/);
    const local = cols[1]?.split(':').at(-1);
    if (local === undefined || cols[9] === undefined) continue;
    if (parseInt(local, 16) !== port) continue;
    if (protocol === 'TCP' && cols[3] !== '0A') continue; // 0A = LISTEN
    const inode = Number(cols[9]);
    if (inode > 0) inodes.push(inode);
  }
  return inodes;
}

/** `node packages/local/src/cli.ts`: argv from `/proc/<pid>/cmdline`, program by its base name, at most `max` columns. Pure. */
export function shortCommand(cmdline: string, max = 60): string {
  const [program = '', ...args] = cmdline.split('\0').filter((a) => a !== '');
  const text = [basename(program), ...args].join(' ').replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `UDP port 2000 is in use by pid 42 (node cli.ts)`, or without the holder when unknown. Pure. */
export function describePortUse(use: PortUse): string {
  const what = `${use.protocol} port ${use.port} is in use`;
  if (use.pid === undefined) return what;
  return `${what} by pid ${use.pid}${use.command ? ` (${use.command})` : ''}`;
}

/**
 * On which protocols `port` is taken on `host` right now and, where /proc tells (Linux, a process
 * of this user), by which process. Empty when both are free again.
 */
export async function findPortUses(port: number, host = '127.0.0.1'): Promise<PortUse[]> {
  const protocols: Protocol[] = [];
  if (!(await canBind('UDP', port, host))) protocols.push('UDP');
  if (!(await canBind('TCP', port, host))) protocols.push('TCP');
  const uses: PortUse[] = [];
  for (const protocol of protocols) {
    const holder = await findHolder(protocol, port).catch(() => undefined);
    uses.push({ protocol, port, ...holder });
  }
  return uses;
}

function canBind(protocol: Protocol, port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (protocol === 'UDP') {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, host, () => socket.close(() => resolve(true)));
    } else {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, host, () => server.close(() => resolve(true)));
    }
  });
}

async function findHolder(
  protocol: Protocol,
  port: number,
): Promise<{ pid: number; command?: string } | undefined> {
  const tables = protocol === 'UDP' ? ['udp', 'udp6'] : ['tcp', 'tcp6'];
  const inodes = new Set<number>();
  for (const table of tables) {
    const text = await readFile(`/proc/net/${table}`, 'utf8').catch(() => '');
    for (const inode of socketInodes(text, port, protocol)) inodes.add(inode);
  }
  if (inodes.size === 0) return undefined;
  const links = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const link = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      if (!links.has(link)) continue;
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
      const pid = Number(entry);
      return cmdline ? { pid, command: shortCommand(cmdline) } : { pid };
    }
  }
  return undefined;
}
