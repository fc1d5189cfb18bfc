/**
 * A byte budget shared by every thread that queues ingest work: the UDP receive thread takes
 * bytes before it hands a batch on, the main thread gives them back once the batch is stored, and
 * HTTP request bodies take their size while they are read and processed. Lives in shared memory
 * so the receive thread can refuse datagrams without asking the main thread.
 */
export class ByteBudget {
  /** Slot 0: bytes taken now; slot 1: the most ever taken at once. */
  readonly #used: Int32Array;
  /** Bytes that may be taken at once. */
  readonly limit: number;

  /** `shared` from another thread's budget (`budget.shared`) attaches to the same counter. */
  constructor(limit: number, shared: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.limit = Math.min(Math.max(1, Math.floor(limit)), MAX_BUDGET_BYTES);
    this.#used = new Int32Array(shared);
  }

  /** The memory to pass to another thread. */
  get shared(): SharedArrayBuffer {
    return this.#used.buffer as SharedArrayBuffer;
  }

  /** Bytes taken now. */
  get used(): number {
    return Atomics.load(this.#used, 0);
  }

  /** The most bytes ever taken at once (never above {@link limit}). */
  get peak(): number {
    return Atomics.load(this.#used, 1);
  }

  /** Takes `bytes` if they fit; false (and nothing taken) otherwise. */
  tryTake(bytes: number): boolean {
    if (bytes <= 0) return true;
    for (;;) {
      const used = Atomics.load(this.#used, 0);
      const next = used + bytes;
      if (next > this.limit) return false;
      if (Atomics.compareExchange(this.#used, 0, used, next) !== used) continue;
      for (let peak = this.peak; next > peak; peak = this.peak) {
        if (Atomics.compareExchange(this.#used, 1, peak, next) === peak) break;
      }
      return true;
    }
  }

  /** Gives back bytes taken earlier. */
  release(bytes: number): void {
    if (bytes > 0) Atomics.sub(this.#used, 0, bytes);
  }
}

/**
 * Default ingest queue budget: 64 MiB. Under a flood, the process also holds the garbage of the
 * documents it is storing; with 64 MiB queued, peak RSS stays under 500 MB
 * (bench/udp-flood-memory.ts), where 128 MiB reached about 540 MB.
 */
export const DEFAULT_QUEUE_BYTES = 64 * 1024 * 1024;
/** The counter is an Int32: budgets are capped at 1 GiB. */
export const MAX_BUDGET_BYTES = 1024 * 1024 * 1024;
