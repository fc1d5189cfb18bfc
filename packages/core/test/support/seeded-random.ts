// The one seeded PRNG of the repo's tests and benchmarks (mulberry32): reproducible fuzz tables,
// statistical tests and synthetic data. Tests of other packages import it by relative path.

/** A PRNG returning numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
