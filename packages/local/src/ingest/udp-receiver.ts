import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { LocalXRayStats } from '../stats.ts';
import type { ByteBudget } from './byte-budget.ts';
import { DropWarning } from './drop-warning.ts';
import type { Ingestor } from './ingestor.ts';
import { counterDelta, UdpCounter, udpCounters } from './udp-counters.ts';
import type { UdpProcessorData, UdpProcessorMessage } from './udp-processor.ts';
import type { UdpWorkerCommand, UdpWorkerData, UdpWorkerMessage } from './udp-worker.ts';
import type { ValidatedBatch } from './validated-batch.ts';

const RECV_BUFFER = 64 * 1024 * 1024;
const PROCESSOR_NICE = 10;
const RECEIVER_EXIT_MS = 2_000;
const PROCESSOR_EXIT_MS = 60_000;
// Young-generation caps of the two threads. V8 sizes it from the machine's memory (up to 64 MB a
// thread here); nothing these threads allocate lives long, so a small one costs little time and
// keeps tens of MB of garbage out of the process under a flood (udp-flood-memory.ts).
const RECEIVER_YOUNG_MB = 4;
const PROCESSOR_YOUNG_MB = 8;
/** How often the drop count is published and the warning considered when nothing is stored. */
const DROP_CHECK_MS = 1_000;
/** Longest wait of {@link UdpReceiver.settle} (a flood can queue many seconds of work). */
const SETTLE_MAX_MS = 5_000;

/** What {@link UdpReceiver} needs besides the ingestor and the counters. */
export interface UdpReceiverOptions {
  /** The ingest byte budget (shared with HTTP bodies): each datagram takes its size until stored. */
  budget: ByteBudget;
  /** Where the dropped-datagram warning goes. */
  log: (line: string) => void;
  /** Shortest time between two drop warnings. Default 10 s. */
  warnIntervalMs?: number;
  /** Clock of the drop warnings. Default `Date.now`. */
  now?: () => number;
}

/**
 * The daemon UDP port, on three threads: a receive thread that only empties the socket into
 * batches (udp-worker.ts), a lower-priority processing thread that splits, parses and validates
 * them (udp-processor.ts), and the main thread, which stores the accepted documents. A busy
 * machine therefore queues documents in memory instead of losing datagrams in the kernel, up to
 * the byte budget: beyond it the receive thread drops datagrams, counted in
 * `stats.datagramsDropped` and reported by a warning line at most every 10 s.
 */
export class UdpReceiver {
  readonly #ingestor: Ingestor;
  readonly #stats: LocalXRayStats;
  readonly #budget: ByteBudget;
  readonly #warning: DropWarning;
  #receiver: Worker | undefined;
  #processor: Worker | undefined;
  #drained: Promise<void> | undefined;
  readonly #counters = udpCounters();
  #stored = 0;
  /** The `dropped` counter as last published to the stats. */
  #droppedSeen = 0;
  #droppedTotal = 0;
  #dropCheck: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;
  /** Pending {@link UdpReceiver.settle} calls by sync ID. */
  readonly #syncs = new Map<number, () => void>();
  #nextSync = 0;

  constructor(ingestor: Ingestor, stats: LocalXRayStats, options: UdpReceiverOptions) {
    this.#ingestor = ingestor;
    this.#stats = stats;
    this.#budget = options.budget;
    this.#warning = new DropWarning(
      options.budget.limit,
      options.log,
      options.warnIntervalMs,
      options.now,
    );
  }

  /** Bytes of the byte budget the UDP path holds now (received, not yet stored). */
  get queuedBytes(): number {
    return Atomics.load(this.#counters, UdpCounter.queuedBytes);
  }

  /** Binds the socket; resolves with the bound port once both threads are running. */
  bind(port: number, host: string): Promise<number> {
    const { port1, port2 } = new MessageChannel();
    const processorData: UdpProcessorData = { input: port2, nice: PROCESSOR_NICE };
    const processor = spawn('udp-processor', processorData, port2, PROCESSOR_YOUNG_MB);
    const receiverData: UdpWorkerData = {
      host,
      port,
      recvBufferSize: RECV_BUFFER,
      output: port1,
      counters: this.#counters.buffer,
      budget: this.#budget.shared,
      budgetLimit: this.#budget.limit,
    };
    const receiver = spawn('udp-worker', receiverData, port1, RECEIVER_YOUNG_MB);
    this.#processor = processor;
    this.#receiver = receiver;
    let drained: () => void = () => {};
    this.#drained = new Promise<void>((resolve) => {
      drained = resolve;
      processor.once('exit', () => {
        resolve();
        this.#settleAll();
      });
    });
    const ready = new Promise<void>((resolve, reject) => {
      processor.on('message', (m: UdpProcessorMessage) => {
        if (m.kind === 'batch') this.#store(m);
        else if (m.kind === 'synced') this.#syncs.get(m.id)?.();
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
      ([p]) => {
        this.#dropCheck = setInterval(() => this.#publishDrops(), DROP_CHECK_MS).unref();
        return p;
      },
      async (error: unknown) => {
        await Promise.all([receiver.terminate(), processor.terminate()]);
        this.#releaseQueued();
        throw error;
      },
    );
  }

  /**
   * Datagrams dropped over the byte budget so far, read live from the receive thread (also copied
   * to `stats.datagramsDropped`, which otherwise follows within a second).
   */
  dropped(): number {
    this.#publishDrops();
    return this.#droppedTotal;
  }

  /** Nothing to do: batches are stored as they arrive (kept for API stability). */
  flush(): void {}

  /**
   * A read barrier for queries: resolves once every datagram that had reached the socket when it
   * was called is stored (the receive thread reads what the kernel queued, and the answer follows
   * the batches through the processing thread), or after `maxWaitMs` when a flood has queued more
   * work than that. Resolves at once when the port is not open. Never rejects.
   */
  settle(maxWaitMs = SETTLE_MAX_MS): Promise<void> {
    const receiver = this.#receiver;
    if (receiver === undefined || this.#closing !== undefined) return Promise.resolve();
    const id = (this.#nextSync = (this.#nextSync + 1) | 0);
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), maxWaitMs).unref();
      const done = (): void => {
        clearTimeout(timer);
        this.#syncs.delete(id);
        resolve();
      };
      this.#syncs.set(id, done);
      receiver.postMessage({ kind: 'sync', id } satisfies UdpWorkerCommand);
    });
  }

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
      await exited(receiver, RECEIVER_EXIT_MS, () =>
        receiver.postMessage('close' satisfies UdpWorkerCommand),
      );
      await drained;
      await exited(processor, RECEIVER_EXIT_MS, () => {});
      clearTimeout(safety);
      clearInterval(this.#dropCheck);
      this.#settleAll();
      this.#publishDrops();
      // Batches lost with a thread that had to be terminated still hold budget: give it back.
      this.#releaseQueued();
    })();
    return this.#closing;
  }

  #store(batch: ValidatedBatch): void {
    this.#stats.datagramsReceived += batch.datagrams;
    this.#stats.datagramsRejected += batch.datagramsRejected;
    this.#stored = (this.#stored + batch.datagrams) | 0;
    const backlog = (Atomics.load(this.#counters, UdpCounter.batched) - this.#stored) | 0;
    try {
      this.#ingestor.ingestValidated(batch, backlog);
    } catch {
      // Journal I/O failure: the documents are in memory; nothing else to do on UDP.
    } finally {
      this.#budget.release(batch.bytes);
      Atomics.sub(this.#counters, UdpCounter.queuedBytes, batch.bytes);
      this.#publishDrops();
    }
  }

  /** Copies the receive thread's drop count to the stats; warns if it grew (rate-limited). */
  #publishDrops(): void {
    const dropped = Atomics.load(this.#counters, UdpCounter.dropped);
    const delta = counterDelta(dropped, this.#droppedSeen);
    this.#droppedSeen = dropped;
    this.#droppedTotal += delta;
    this.#stats.datagramsDropped += delta;
    this.#warning.update(this.#droppedTotal);
  }

  /** Resolves every pending settle (the threads are gone, or the port is closing). */
  #settleAll(): void {
    for (const done of [...this.#syncs.values()]) done();
  }

  #releaseQueued(): void {
    this.#budget.release(Atomics.exchange(this.#counters, UdpCounter.queuedBytes, 0));
  }
}

function spawn(name: string, workerData: object, port: MessagePort, youngMb: number): Worker {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new Worker(new URL(`./${name}${ext}`, import.meta.url), {
    name: `xray-${name}`,
    resourceLimits: { maxYoungGenerationSizeMb: youngMb },
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
