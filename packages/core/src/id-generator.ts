import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { epochHex } from './ids.ts';
import { randomHex } from './internal/random.ts';

const ALL_ZERO = /^0+$/;

/**
 * OpenTelemetry `IdGenerator` whose trace IDs carry the current Unix seconds in their first
 * 8 hex digits, as X-Ray requires; the rest comes from `node:crypto` (pooled), not `Math.random`.
 * @example new NodeTracerProvider({ idGenerator: new XRayIdGenerator() })
 */
export class XRayIdGenerator implements IdGenerator {
  readonly #now: () => number;
  #second = -1;
  #prefix = '';

  /** @param now clock in milliseconds (for tests). */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** 32 hex: 8 of epoch seconds + 24 random. */
  generateTraceId(): string {
    const second = Math.floor(this.#now() / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#prefix = epochHex(second * 1000);
    }
    let random = randomHex(24);
    while (ALL_ZERO.test(random)) random = randomHex(24);
    return this.#prefix + random;
  }

  /** 16 random hex, never all zero. */
  generateSpanId(): string {
    let id = randomHex(16);
    while (ALL_ZERO.test(id)) id = randomHex(16);
    return id;
  }
}
