// The lock record beside a `--data` file (`<file>.lock`). The lock itself is SQLite's exclusive
// OS-level lock (released by the OS when the process dies); this record only names the holder in
// the message a second instance prints. A record whose process is gone is stale and ignored.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a `--data` file, as written to `<file>.lock`. */
export interface LockHolder {
  /** Process ID of the holding instance. */
  pid: number;
  /** Host name of the machine it runs on (a pid only means something there). */
  hostname: string;
  /** When it took the lock, ISO 8601. */
  startedAt: string;
  /** Its port, once bound. */
  port?: number;
}

/** Path of the lock record of `file`. */
export function lockRecordPath(file: string): string {
  return `${file}.lock`;
}

/** A lock record for this process. */
export function ownHolder(now: Date = new Date()): LockHolder {
  return { pid: process.pid, hostname: hostname(), startedAt: now.toISOString() };
}

/** Reads the lock record of `file`; undefined when absent or unreadable. */
export function readHolder(file: string): LockHolder | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(lockRecordPath(file), 'utf8'));
  } catch {
    return undefined;
  }
  const h = parsed as Partial<LockHolder> | null;
  if (h === null || typeof h !== 'object') return undefined;
  if (!Number.isInteger(h.pid) || typeof h.hostname !== 'string') return undefined;
  if (typeof h.startedAt !== 'string') return undefined;
  return {
    pid: h.pid as number,
    hostname: h.hostname,
    startedAt: h.startedAt,
    ...(Number.isInteger(h.port) ? { port: h.port as number } : {}),
  };
}

/** False when the record names a process of this machine that no longer exists. */
export function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes the lock record; best effort (a read-only directory only loses the holder's name). */
export function writeHolder(file: string, holder: LockHolder): void {
  try {
    writeFileSync(lockRecordPath(file), `${JSON.stringify(holder)}\n`);
  } catch {
    // the SQLite lock still protects the file
  }
}

/** Removes the lock record if it still names `pid`. */
export function removeHolder(file: string, pid: number): void {
  if (readHolder(file)?.pid !== pid) return;
  try {
    rmSync(lockRecordPath(file), { force: true });
  } catch {
    // best effort
  }
}
