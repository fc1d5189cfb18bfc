// Worker thread of the daemon UDP port: owns the socket and does nothing but copy datagrams into
// one buffer per batch and transfer it (zero-copy) to the main thread, so the kernel buffer keeps
// draining while the main thread parses, validates and stores.
import { createSocket } from 'node:dgram';
import { parentPort, workerData } from 'node:worker_threads';

/** What the main thread gives the worker. */
export interface UdpWorkerData {
  host: string;
  port: number;
  recvBufferSize: number;
}

/** Messages from the worker. */
export type UdpWorkerMessage =
  | { kind: 'bound'; port: number }
  | { kind: 'error'; message: string }
  /** `data` holds the datagrams back to back; `ends[i]` is where datagram i ends. */
  | { kind: 'batch'; data: ArrayBuffer; ends: Uint32Array }
  | { kind: 'closed' };

const MAX_BATCH = 1000;
const BUFFER = 1024 * 1024;
const port = parentPort;
const data = workerData as UdpWorkerData;
const socket = createSocket({
  type: data.host.includes(':') ? 'udp6' : 'udp4',
  recvBufferSize: data.recvBufferSize,
});
const buffer = Buffer.allocUnsafeSlow(BUFFER);
let used = 0;
let ends: number[] = [];
let scheduled = false;

function post(message: UdpWorkerMessage): void {
  port?.postMessage(message);
}

function flush(): void {
  scheduled = false;
  if (ends.length === 0) return;
  // slice copies exactly the bytes used; the copy is transferred, the 1 MB buffer is reused.
  const out = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + used);
  const message: UdpWorkerMessage = { kind: 'batch', data: out, ends: Uint32Array.from(ends) };
  port?.postMessage(message, [out]);
  used = 0;
  ends = [];
}

socket.on('message', (msg) => {
  if (used + msg.length > BUFFER) flush();
  msg.copy(buffer, used);
  used += msg.length;
  ends.push(used);
  if (ends.length >= MAX_BATCH) flush();
  else if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
socket.on('error', (error) => post({ kind: 'error', message: error.message }));
socket.bind(data.port, data.host, () => {
  try {
    socket.setRecvBufferSize(data.recvBufferSize);
  } catch {
    // capped by net.core.rmem_max
  }
  post({ kind: 'bound', port: socket.address().port });
});
port?.on('message', (message: unknown) => {
  if (message !== 'close') return;
  socket.close(() => {
    flush();
    post({ kind: 'closed' });
    port.close();
  });
});
