import { epochHex } from './ids.ts';
import { nonZeroHex, randomHex, type RandomHex } from './internal/random.ts';

/**
 * The OpenTelemetry SDK's `IdGenerator` shape, declared here so `@otel-xray/core` depends on no SDK
 * generation (`@opentelemetry/sdk-trace` 3.x and `sdk-trace-base` 1.x/2.x accept it alike).
 */
export interface IdGenerator {
  /** 32 lowercase hex characters, not all zero. */
  generateTraceId(): string;
  /** 16 lowercase hex characters, not all zero. */
  generateSpanId(): string;
}

/** Options of {@link XRayIdGenerator}; both exist for tests. */
export interface XRayIdGeneratorOptions {
  /** Clock in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Random hex source (default: pooled `node:crypto` randomness). */
  random?: RandomHex;
}

/**
 * OpenTelemetry `IdGenerator` whose trace IDs carry the current Unix seconds in their first
 * 8 hex digits, as X-Ray requires; the rest comes from `node:crypto` (pooled), not `Math.random`.
 * @example new TracerProvider({ idGenerator: new XRayIdGenerator() }) // @opentelemetry/sdk-trace
 */
export class XRayIdGenerator implements IdGenerator {
  readonly #now: () => number;
  readonly #random: RandomHex;
  #second = -1;
  #prefix = '';

  /** @param options clock and random source, for tests (a bare function is taken as the clock). */
  constructor(options: XRayIdGeneratorOptions | (() => number) = {}) {
    const opts = typeof options === 'function' ? { now: options } : options;
    this.#now = opts.now ?? Date.now;
    this.#random = opts.random ?? randomHex;
  }

  /** 32 lowercase hex: 8 of epoch seconds + 24 random; never all zero. */
  generateTraceId(): string {
    const ms = this.#now();
    const second = Math.floor(ms / 1000);
    if (second !== this.#second) {
      // A broken clock (NaN, negative) must not break tracing: fall back to the system clock.
      const safeMs = Number.isFinite(ms) && ms >= 0 ? ms : Date.now();
      this.#prefix = epochHex(safeMs);
      this.#second = second;
    }
    // The epoch already makes the ID non-zero; only a zero epoch (a fake clock) needs the check.
    const random = this.#prefix === '00000000' ? nonZeroHex(24, this.#random) : this.#random(24);
    return this.#prefix + random;
  }

  /** 16 random lowercase hex, never all zero. */
  generateSpanId(): string {
    return nonZeroHex(16, this.#random);
  }
}
