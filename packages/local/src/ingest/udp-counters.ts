/**
 * Counters the UDP receive thread keeps in shared memory (one Int32Array) for the main thread to
 * read without a message: how far it has got, what it dropped, what it holds of the byte budget.
 */
export const UdpCounter = {
  /** Datagrams batched and posted so far (wraps at 2^32). */
  batched: 0,
  /** Datagrams dropped because the byte budget was full (wraps at 2^32). */
  dropped: 1,
  /** Bytes the UDP path holds of the byte budget now: taken on receipt, given back once stored. */
  queuedBytes: 2,
} as const;

/** A new set of counters, all zero. */
export function udpCounters(): Int32Array<SharedArrayBuffer> {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** `current - previous` of a wrapping Int32 counter (any increase below 2^32). */
export function counterDelta(current: number, previous: number): number {
  return (current - previous) >>> 0;
}
