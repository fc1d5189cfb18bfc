import { randomFillSync } from 'node:crypto';

// Crypto randomness drawn in pools: one randomFillSync per 4 KiB instead of one per ID.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** Fills `target` (from `start`, `bytes` long) with cryptographically strong random bytes from the pool. */
export function randomBytesInto(target: Buffer, start: number, bytes: number): void {
  if (offset + bytes > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  pool.copy(target, start, offset, offset + bytes);
  offset += bytes;
}

const scratch = Buffer.allocUnsafe(32);

/** `length` lowercase hex digits (even length, ≤ 64) of crypto randomness. */
export function randomHex(length: number): string {
  const bytes = length >> 1;
  randomBytesInto(scratch, 0, bytes);
  return scratch.toString('hex', 0, bytes);
}
