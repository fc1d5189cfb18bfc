import { randomFillSync } from 'node:crypto';

// Crypto randomness drawn in pools: one randomFillSync per 4 KiB instead of one per ID.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** A source of `length` lowercase hex digits (even length, at most 64). */
export type RandomHex = (length: number) => string;

/**
 * `length` lowercase hex digits (even, 2..64) of cryptographically strong randomness, read straight
 * out of the pool. Bytes are never handed out twice.
 */
export function randomHex(length: number): string {
  const bytes = length >> 1;
  if (offset + bytes > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const start = offset;
  offset += bytes;
  return pool.toString('hex', start, offset);
}

/** True when every digit of a hex string is `0`. */
export function isAllZeroHex(hex: string): boolean {
  for (let i = 0; i < hex.length; i++) if (hex.charCodeAt(i) !== 48) return false;
  return true;
}

/** `length` random hex digits that are not all zero (redraws; the chance is 2^-4·length per draw). */
export function nonZeroHex(length: number, random: RandomHex = randomHex): string {
  for (let i = 0; i < 16; i++) {
    const hex = random(length);
    if (!isAllZeroHex(hex)) return hex;
  }
  // A random source that keeps returning zeros is broken; a fixed non-zero ID keeps callers valid.
  return `${'0'.repeat(length - 1)}1`;
}
