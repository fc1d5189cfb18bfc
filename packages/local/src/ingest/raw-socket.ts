import type { Socket } from 'node:dgram';
import { readSync } from 'node:fs';

/**
 * Direct access to a bound dgram socket (POSIX): its non-blocking descriptor and the switch of
 * libuv's read watcher. Reading the descriptor costs ≈ 2 µs per datagram where a 'message' event
 * costs ≈ 4 µs (a 64 KB allocation, a Buffer, an address object and a call into JavaScript each).
 */
export interface RawSocket {
  /** The socket's file descriptor (non-blocking, as libuv opened it). */
  readonly fd: number;
  /** Stops libuv reading ('message' events); datagrams wait in the kernel for {@link readDatagram}. */
  recvStop(): void;
  /** Resumes 'message' events. */
  recvStart(): void;
}

interface UdpHandle {
  fd?: unknown;
  recvStart?: unknown;
  recvStop?: unknown;
}

/**
 * The raw side of `socket` (bound), from dgram's internal handle; undefined on Windows or on a
 * Node.js whose dgram is built differently, where callers keep using 'message' events.
 */
export function rawSocket(socket: Socket): RawSocket | undefined {
  if (process.platform === 'win32') return undefined;
  const key = Object.getOwnPropertySymbols(socket).find((k) => k.description === 'state symbol');
  const state = key === undefined ? undefined : (socket as unknown as Record<symbol, unknown>)[key];
  const handle = (state as { handle?: UdpHandle } | undefined)?.handle;
  if (handle === undefined || typeof handle.fd !== 'number' || handle.fd <= 2) return undefined;
  const { fd, recvStart, recvStop } = handle;
  if (typeof recvStart !== 'function' || typeof recvStop !== 'function') return undefined;
  return {
    fd,
    recvStart: () => void recvStart.call(handle),
    recvStop: () => void recvStop.call(handle),
  };
}

/**
 * Reads one queued datagram into `buffer` at `offset` (which must leave room for 65,536 bytes);
 * returns its length, or -1 when none is queued (or the socket failed).
 */
export function readDatagram(fd: number, buffer: Buffer, offset: number): number {
  try {
    return readSync(fd, buffer, offset, 65_536, null);
  } catch {
    return -1; // EAGAIN: the queue is empty
  }
}
