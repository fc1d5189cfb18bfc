import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { LocalXRayStats } from '../stats.ts';
import type { Ingestor } from './ingestor.ts';
import type { UdpProcessorData, UdpProcessorMessage } from './udp-processor.ts';
import type { UdpWorkerData, UdpWorkerMessage } from './udp-worker.ts';
import type { ValidatedBatch } from './validated-batch.ts';

const RECV_BUFFER = 64 * 1024 * 1024;
const PROCESSOR_NICE = 10;
const RECEIVER_EXIT_MS = 2_000;
const PROCESSOR_EXIT_MS = 60_000;

/**
 * The daemon UDP port, on three threads: a receive thread that only empties the socket into
 * batches (udp-worker.ts), a lower-priority processing thread that splits, parses and validates
 * them (udp-processor.ts), and the main thread, which stores the accepted documents. A busy
 * machine therefore queues documents in memory instead of losing datagrams in the kernel.
 */
export class UdpReceiver {
  readonly #ingestor: Ingestor;
  readonly #stats: LocalXRayStats;
  #receiver: Worker | undefined;
  #processor: Worker | undefined;
  #drained: Promise<void> | undefined;
  readonly #batched = new Int32Array(new SharedArrayBuffer(4));
  #stored = 0;
  #closing: Promise<void> | undefined;

  constructor(ingestor: Ingestor, stats: LocalXRayStats) {
    this.#ingestor = ingestor;
    this.#stats = stats;
  }

  /** Binds the socket; resolves with the bound port once both threads are running. */
  bind(port: number, host: string): Promise<number> {
    const { port1, port2 } = new MessageChannel();
    const processorData: UdpProcessorData = { input: port2, nice: PROCESSOR_NICE };
    const processor = spawn('udp-processor', processorData, port2);
    const receiverData: UdpWorkerData = {
      host,
      port,
      recvBufferSize: RECV_BUFFER,
      output: port1,
      batched: this.#batched.buffer,
    };
    const receiver = spawn('udp-worker', receiverData, port1);
    this.#processor = processor;
    this.#receiver = receiver;
    let drained: () => void = () => {};
    this.#drained = new Promise<void>((resolve) => {
      drained = resolve;
      processor.once('exit', () => resolve());
    });
    const ready = new Promise<void>((resolve, reject) => {
      processor.on('message', (m: UdpProcessorMessage) => {
        if (m.kind === 'batch') this.#store(m);
        else if (m.kind === 'ready') resolve();
        else drained();
      });
      processor.once('error', reject);
      processor.once('exit', () => reject(new Error('UDP processing thread exited')));
    });
    const bound = new Promise<number>((resolve, reject) => {
      receiver.on('message', (m: UdpWorkerMessage) => {
        if (m.kind === 'bound') resolve(m.port);
        else reject(new Error(m.message));
      });
      receiver.once('error', reject);
      receiver.once('exit', () => reject(new Error('UDP receive thread exited')));
    });
    return Promise.all([bound, ready]).then(
      ([p]) => p,
      async (error: unknown) => {
        await Promise.all([receiver.terminate(), processor.terminate()]);
        throw error;
      },
    );
  }

  /** Nothing to do: batches are stored as they arrive (kept for API stability). */
  flush(): void {}

  /** Closes the socket, then stores every datagram received before it closed; idempotent. */
  close(): Promise<void> {
    const receiver = this.#receiver;
    const processor = this.#processor;
    const drained = this.#drained;
    if (receiver === undefined || processor === undefined || drained === undefined) {
      return Promise.resolve();
    }
    this.#closing ??= (async () => {
      const safety = setTimeout(() => void processor.terminate(), PROCESSOR_EXIT_MS).unref();
      // The receive thread's last batch, then its 'end', reach the processing thread in order;
      // the processing thread answers 'closed' after posting every batch before it.
      await exited(receiver, RECEIVER_EXIT_MS, () => receiver.postMessage('close'));
      await drained;
      await exited(processor, RECEIVER_EXIT_MS, () => {});
      clearTimeout(safety);
    })();
    return this.#closing;
  }

  #store(batch: ValidatedBatch): void {
    this.#stats.datagramsReceived += batch.datagrams;
    this.#stats.datagramsRejected += batch.datagramsRejected;
    this.#stored = (this.#stored + batch.datagrams) | 0;
    const backlog = (Atomics.load(this.#batched, 0) - this.#stored) | 0;
    try {
      this.#ingestor.ingestValidated(batch, backlog);
    } catch {
      // Journal I/O failure: the documents are in memory; nothing else to do on UDP.
    }
  }
}

function spawn(name: string, workerData: object, port: MessagePort): Worker {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new Worker(new URL(`./${name}${ext}`, import.meta.url), {
    name: `xray-${name}`,
    workerData,
    transferList: [port],
  });
}

/** Resolves when `worker` exits; asks it to with `start`, terminates it after `ms`. */
function exited(worker: Worker, ms: number, start: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    if (worker.threadId === -1) return resolve();
    worker.once('exit', () => resolve());
    start();
    setTimeout(() => void worker.terminate(), ms).unref();
  });
}
