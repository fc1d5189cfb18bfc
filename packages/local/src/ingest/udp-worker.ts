// Receive thread of the daemon UDP port: owns the socket and does nothing but copy datagrams into
// one buffer per batch and transfer it to the processing thread (udp-processor.ts), so the kernel
// buffer keeps draining whatever the other threads are doing. A batch leaves when it holds
// MAX_BATCH datagrams, when the buffer is nearly full, or FLUSH_MS after its first datagram.
//
// Idle, the socket delivers 'message' events. The first one switches to polling: libuv stops
// reading and every POLL_MS the thread reads whatever is queued straight from the descriptor
// (raw-socket.ts, half the cost of an event) until the queue is empty; after IDLE_POLLS empty
// polls, events take over again. Where the descriptor is unavailable, events do everything.
//
// Every datagram first takes its size from the shared byte budget (byte-budget.ts); the main
// thread gives it back once the batch is stored. When the budget is spent, the datagram is
// dropped and counted here, never buffered: memory stays bounded however far the processing and
// storing threads fall behind, and the socket keeps draining.
import { createSocket } from 'node:dgram';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ByteBudget } from './byte-budget.ts';
import { rawSocket, readDatagram, type RawSocket } from './raw-socket.ts';
import { UdpCounter } from './udp-counters.ts';

/** What the main thread gives the receive thread. */
export interface UdpWorkerData {
  host: string;
  port: number;
  recvBufferSize: number;
  /** Where batches go (the processing thread's end of a MessageChannel). */
  output: MessagePort;
  /** The Int32 counters of udp-counters.ts (batched, dropped, bytes queued), read by the main thread. */
  counters: SharedArrayBuffer;
  /** The ingest byte budget's memory (`ByteBudget.shared`) and its limit. */
  budget: SharedArrayBuffer;
  budgetLimit: number;
}

/** Messages from the receive thread to the main thread. */
export type UdpWorkerMessage = { kind: 'bound'; port: number } | { kind: 'error'; message: string };

/** Messages from the receive thread to the processing thread. */
export type RawBatchMessage =
  /** `data` holds the datagrams back to back; `ends[i]` is where datagram i ends. */
  | { kind: 'batch'; data: ArrayBuffer; ends: Uint32Array }
  /** The socket is closed; nothing follows. */
  | { kind: 'end' }
  /** Every datagram queued in the socket when sync `id` was asked for is in a batch before this. */
  | { kind: 'sync'; id: number };

/** Messages from the main thread to the receive thread: read what is queued, or close. */
export type UdpWorkerCommand = 'close' | { kind: 'sync'; id: number };

const MAX_BATCH = 4096;
const BUFFER = 1024 * 1024;
/** Room kept free for one datagram: more than the largest UDP payload. */
const MAX_DATAGRAM = 65_536;
const FLUSH_MS = 2;
const POLL_MS = 1;
const IDLE_POLLS = 50;
/** Reads per turn before the event loop runs (timers, the close message). */
const DRAIN_MAX = 4096;

// An empty queue ends every drain with an EAGAIN exception: without stack traces it is cheap.
Error.stackTraceLimit = 0;
const data = workerData as UdpWorkerData;
const output = data.output;
const counters = new Int32Array(data.counters);
const budget = new ByteBudget(data.budgetLimit, data.budget);
const socket = createSocket({
  type: data.host.includes(':') ? 'udp6' : 'udp4',
  recvBufferSize: data.recvBufferSize,
});
const buffer = Buffer.allocUnsafeSlow(BUFFER);
const ends = new Uint32Array(MAX_BATCH);
let count = 0;
let used = 0;
let flushTimer: NodeJS.Timeout | undefined;
let raw: RawSocket | undefined;
let polling = false;
let idlePolls = 0;

function send(message: RawBatchMessage, transfer: ArrayBuffer[] = []): void {
  output.postMessage(message, transfer);
}

function flush(): void {
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (count === 0) return;
  // Copies exactly the bytes used: the copy is transferred, the 1 MB buffer is reused.
  const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + used);
  const offsets = ends.slice(0, count);
  send({ kind: 'batch', data: bytes, ends: offsets }, [bytes, offsets.buffer]);
  Atomics.add(counters, UdpCounter.batched, count);
  used = 0;
  count = 0;
}

/** Keeps the datagram just copied to `buffer` at `used` if the budget has room; drops it if not. */
function added(length: number): void {
  if (!budget.tryTake(length)) {
    Atomics.add(counters, UdpCounter.dropped, 1);
    return;
  }
  Atomics.add(counters, UdpCounter.queuedBytes, length);
  used += length;
  ends[count++] = used;
  if (count === MAX_BATCH || used + MAX_DATAGRAM > BUFFER) flush();
  else flushTimer ??= setTimeout(flush, FLUSH_MS);
}

/** Reads queued datagrams (at most DRAIN_MAX); returns how many. */
function drain(fd: number): number {
  let n = 0;
  for (let length: number; n < DRAIN_MAX && (length = readDatagram(fd, buffer, used)) >= 0; n++) {
    added(length);
  }
  return n;
}

function poll(): void {
  if (raw === undefined || !polling) return;
  const n = drain(raw.fd);
  if (n === DRAIN_MAX) setImmediate(poll);
  else if (n > 0 || ++idlePolls < IDLE_POLLS) setTimeout(poll, POLL_MS);
  else {
    polling = false;
    raw.recvStart();
  }
  if (n > 0) idlePolls = 0;
}

socket.on('message', (msg) => {
  buffer.set(msg, used);
  added(msg.length);
  if (raw === undefined || polling) return;
  polling = true;
  idlePolls = 0;
  raw.recvStop();
  poll();
});
socket.on('error', (error) => {
  parentPort?.postMessage({ kind: 'error', message: error.message } satisfies UdpWorkerMessage);
});
socket.bind(data.port, data.host, () => {
  try {
    socket.setRecvBufferSize(data.recvBufferSize);
  } catch {
    // capped by net.core.rmem_max
  }
  raw = rawSocket(socket);
  const bound: UdpWorkerMessage = { kind: 'bound', port: socket.address().port };
  parentPort?.postMessage(bound);
});
/** Reads everything the kernel has queued for the socket now (the raw reader only). */
function drainAll(): void {
  for (let n = DRAIN_MAX; raw !== undefined && n === DRAIN_MAX;) n = drain(raw.fd);
}

/**
 * A read barrier: batches what the socket has queued now, then tells the processing thread, which
 * answers the main thread after every batch before it. Without the raw reader, libuv reads the
 * queued datagrams in this turn's poll phase; the answer waits for the check phase after it.
 */
function sync(id: number): void {
  const answer = (): void => {
    flush();
    send({ kind: 'sync', id });
  };
  if (raw === undefined) {
    setImmediate(answer);
    return;
  }
  drainAll();
  answer();
}

parentPort?.on('message', (message: UdpWorkerCommand) => {
  if (message !== 'close') {
    sync(message.id);
    return;
  }
  polling = false;
  // What the kernel already queued was received: read it before closing.
  drainAll();
  socket.close(() => {
    flush();
    send({ kind: 'end' }); // the processing thread closes the channel once it has read this
    parentPort?.close();
  });
});
