// Processing thread of the daemon UDP port: splits the receive thread's batches into documents,
// parses and validates them, and posts the accepted ones (and the counts of refused ones) to the
// main thread, which only stores them. On Linux it lowers its own scheduling priority: when the
// machine is short of CPU, the receive thread (and the services sending) run first and this work
// waits in memory, instead of datagrams being dropped by the kernel.
import { setPriority } from 'node:os';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { RawBatchMessage } from './udp-worker.ts';
import { validateDatagrams, type ValidatedBatch } from './validated-batch.ts';

/** What the main thread gives the processing thread. */
export interface UdpProcessorData {
  /** Where batches come from (the receive thread's end of a MessageChannel). */
  input: MessagePort;
  /** Nice value for this thread (Linux, where it is per thread); 0 leaves it unchanged. */
  nice: number;
}

/** Messages from the processing thread to the main thread. */
export type UdpProcessorMessage =
  | ValidatedBatch
  /** Loaded and listening. */
  | { kind: 'ready' }
  /** The receive thread closed its socket and every batch before it was posted. */
  | { kind: 'closed' }
  /** Every batch the receive thread made before sync `id` was posted. */
  | { kind: 'synced'; id: number };

const data = workerData as UdpProcessorData;
const input = data.input;

function post(message: UdpProcessorMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

// Only Linux applies a nice value to the calling thread alone; elsewhere it would be the process.
if (process.platform === 'linux' && data.nice !== 0) {
  try {
    setPriority(0, data.nice);
  } catch {
    // not permitted: keep the inherited priority
  }
}
input.on('message', (message: RawBatchMessage) => {
  if (message.kind === 'batch') {
    const batch = validateDatagrams(Buffer.from(message.data), message.ends);
    post(batch, [batch.times.buffer as ArrayBuffer, batch.independent.buffer as ArrayBuffer]);
  } else if (message.kind === 'sync') {
    post({ kind: 'synced', id: message.id });
  } else {
    post({ kind: 'closed' });
    input.close();
  }
});
post({ kind: 'ready' });
