// Reproducible randomness and time for sampler tests.
export { seededRandom } from '../../../core/test/support/seeded-random.ts';

/** A manual clock in epoch ms. */
export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
  set: (ms: number) => void;
}

export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

/** A random 32-hex trace ID from `random`. */
export function traceIdFrom(random: () => number): string {
  let out = '';
  for (let i = 0; i < 4; i++)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out;
}

/**
 * Binomial bounds: `mean ± sigmas·sqrt(n·p·(1−p))`. With a seeded RNG the tests are
 * deterministic; the bound says how far a correct sampler could plausibly be from the mean.
 */
export function binomialBounds(n: number, p: number, sigmas = 5): { low: number; high: number } {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  return { low: mean - sigmas * sd, high: mean + sigmas * sd };
}
