import { Worker } from 'node:worker_threads';
import type { LocalXRayStats } from '../stats.ts';
import { parseDatagram } from './daemon-datagram.ts';
import type { Ingestor } from './ingestor.ts';
import type { UdpWorkerData, UdpWorkerMessage } from './udp-worker.ts';

const RECV_BUFFER = 64 * 1024 * 1024;

/**
 * The daemon UDP port. The socket lives in a worker thread that only receives and batches
 * (udp-worker.ts); batches are split (daemon header), validated and stored here, on the main thread. A slow main thread
 * therefore queues documents in memory instead of losing datagrams in the kernel.
 */
export class UdpReceiver {
  readonly #ingestor: Ingestor;
  readonly #stats: LocalXRayStats;
  #worker: Worker | undefined;
  #closing: Promise<void> | undefined;

  constructor(ingestor: Ingestor, stats: LocalXRayStats) {
    this.#ingestor = ingestor;
    this.#stats = stats;
  }

  /** Binds the socket; resolves with the bound port. */
  bind(port: number, host: string): Promise<number> {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const data: UdpWorkerData = { host, port, recvBufferSize: RECV_BUFFER };
    const worker = new Worker(new URL(`./udp-worker${ext}`, import.meta.url), { workerData: data });
    this.#worker = worker;
    return new Promise((resolve, reject) => {
      worker.on('message', (m: UdpWorkerMessage) => {
        if (m.kind === 'bound') resolve(m.port);
        else if (m.kind === 'error') {
          reject(new Error(m.message));
          void worker.terminate();
        } else if (m.kind === 'batch') this.#batch(m);
      });
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('UDP worker exited')));
    });
  }

  /** Nothing to do: batches are processed as they arrive (kept for API stability). */
  flush(): void {}

  /** Closes the socket after processing what was received; idempotent. */
  close(): Promise<void> {
    const worker = this.#worker;
    if (worker === undefined) return Promise.resolve();
    this.#closing ??= new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('close');
      setTimeout(() => void worker.terminate(), 2_000).unref();
    });
    return this.#closing;
  }

  #batch(m: Extract<UdpWorkerMessage, { kind: 'batch' }>): void {
    const all = Buffer.from(m.data);
    const bodies: string[] = [];
    let start = 0;
    for (const end of m.ends) {
      const parsed = parseDatagram(all.subarray(start, end));
      start = end;
      if (parsed.ok) bodies.push(parsed.body);
      else this.#stats.datagramsRejected++;
    }
    this.#stats.datagramsReceived += m.ends.length;
    try {
      this.#ingestor.ingest(bodies);
    } catch {
      // Journal I/O failure: the documents are in memory; nothing else to do on UDP.
    }
  }
}
