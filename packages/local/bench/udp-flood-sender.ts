// Worker thread of udp-flood-memory.ts: sends daemon datagrams of `size` bytes to 127.0.0.1:`port`
// as fast as the socket takes them for `seconds`, each a segment of a new trace (so the store
// evicts), then posts how many it sent. At most OUTSTANDING sends wait in libuv at a time, so the
// sender's own memory stays flat.
import { createSocket } from 'node:dgram';
import { parentPort, workerData } from 'node:worker_threads';

/** What udp-flood-memory.ts gives each sender. */
export interface FloodSenderData {
  port: number;
  /** Bytes per datagram (header included). */
  size: number;
  seconds: number;
  /** Distinguishes the trace IDs of concurrent senders (0–255). */
  sender: number;
}

/** What a sender posts when it is done. */
export interface FloodSenderResult {
  sent: number;
  errors: number;
  seconds: number;
}

const POOL = 256;
const OUTSTANDING = 128;
const BURST = 64;
const { port, size, seconds, sender } = workerData as FloodSenderData;
const header = '{"format":"json","version":1}\n';
const t0 = Math.floor(Date.now() / 1000);
const prefix = `1-${t0.toString(16)}-${sender.toString(16).padStart(2, '0')}${'0'.repeat(14)}`;
const doc = (pad: number): string =>
  JSON.stringify({
    name: 'flood',
    id: '0123456789abcdef',
    trace_id: `${prefix}00000000`,
    start_time: t0,
    end_time: t0 + 0.01,
    metadata: { default: { pad: 'x'.repeat(pad) } },
  });
const base = Buffer.byteLength(header + doc(0));
const template = Buffer.from(header + doc(Math.max(0, size - base)));
/** Where the trace ID's last 8 hex digits are, rewritten for every datagram. */
const counterAt = template.indexOf(`${prefix}00000000`) + prefix.length;
const pool = Array.from({ length: POOL }, () => Buffer.from(template));

const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
let sent = 0;
let errors = 0;
let outstanding = 0;
let stopped = false;
let scheduled = false;
const start = performance.now();
const deadline = start + seconds * 1000;

function done(error: Error | null): void {
  outstanding--;
  if (error) errors++;
  if (outstanding === OUTSTANDING / 2 && !stopped) schedule();
  if (stopped && outstanding === 0) finish();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(pump);
}

function pump(): void {
  scheduled = false;
  if (performance.now() >= deadline) {
    stopped = true;
    if (outstanding === 0) finish();
    return;
  }
  for (let i = 0; i < BURST && outstanding < OUTSTANDING; i++) {
    const datagram = pool[sent % POOL] as Buffer;
    datagram.write((sent >>> 0).toString(16).padStart(8, '0'), counterAt, 'latin1');
    outstanding++;
    sent++;
    socket.send(datagram, done);
  }
  if (outstanding < OUTSTANDING) schedule();
}

function finish(): void {
  const result: FloodSenderResult = { sent, errors, seconds: (performance.now() - start) / 1000 };
  socket.close(() => parentPort?.postMessage(result));
}

socket.connect(port, '127.0.0.1', pump);
