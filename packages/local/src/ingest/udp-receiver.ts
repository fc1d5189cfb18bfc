import { createSocket, type Socket } from 'node:dgram';
import type { LocalXRayStats } from '../stats.ts';
import { parseDatagram } from './daemon-datagram.ts';
import type { Ingestor } from './ingestor.ts';

const BATCH = 2000;
const RECV_BUFFER = 64 * 1024 * 1024;

/**
 * The daemon UDP port: receives datagrams, keeps the receive callback to a push, and drains the
 * queue in batches on `setImmediate` (so sockets keep being read while documents are validated).
 */
export class UdpReceiver {
  readonly #socket: Socket;
  readonly #ingestor: Ingestor;
  readonly #stats: LocalXRayStats;
  #queue: Buffer[] = [];
  #head = 0;
  #scheduled = false;
  #closed = false;

  constructor(ingestor: Ingestor, stats: LocalXRayStats) {
    this.#ingestor = ingestor;
    this.#stats = stats;
    this.#socket = createSocket({ type: 'udp4', recvBufferSize: RECV_BUFFER });
    this.#socket.on('message', (msg) => {
      this.#stats.datagramsReceived++;
      this.#queue.push(msg);
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#drain());
      }
    });
    this.#socket.on('error', () => {
      // A receive error on UDP is per-datagram; the socket stays usable.
    });
  }

  /** Binds the socket; resolves with the bound port. */
  bind(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.#socket.once('error', onError);
      this.#socket.bind(port, host, () => {
        this.#socket.off('error', onError);
        try {
          this.#socket.setRecvBufferSize(RECV_BUFFER);
        } catch {
          // The kernel caps the size (net.core.rmem_max); the default still works.
        }
        resolve(this.#socket.address().port);
      });
    });
  }

  /** Processes everything queued now (tests and shutdown). */
  flush(): void {
    while (this.#head < this.#queue.length) this.#processBatch();
  }

  /** Closes the socket after processing what was received; idempotent. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return new Promise((resolve) => {
      this.#socket.close(() => {
        this.flush();
        resolve();
      });
    });
  }

  #drain(): void {
    this.#processBatch();
    if (this.#head < this.#queue.length) setImmediate(() => this.#drain());
    else this.#scheduled = false;
  }

  #processBatch(): void {
    const end = Math.min(this.#queue.length, this.#head + BATCH);
    const bodies: string[] = [];
    for (let i = this.#head; i < end; i++) {
      const parsed = parseDatagram(this.#queue[i] as Buffer);
      if (parsed.ok) bodies.push(parsed.body);
      else this.#stats.datagramsRejected++;
    }
    this.#head = end;
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    }
    try {
      this.#ingestor.ingest(bodies);
    } catch {
      // Journal I/O failure: the documents are in memory; nothing else to do on UDP.
    }
  }
}
