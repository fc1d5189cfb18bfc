// Response-time histogram of the listed traces: equal-width bins from the fastest to the slowest,
// and the mapping from a dragged span of bins back to a range of seconds. Pure.

/** Equal-width bins over `[lo, lo + width × counts.length]`, seconds. */
export interface Bins {
  /** Lower edge of the first bin, seconds. */
  lo: number;
  /** Width of each bin, seconds (> 0). */
  width: number;
  /** Values per bin. */
  counts: number[];
}

/** The smallest bin width: the API's times are at millisecond precision at best. */
const MIN_WIDTH = 0.001;

/**
 * Bins `values` (seconds; non-finite and negative ones skipped) into `count` equal bins from the
 * smallest to the largest, the largest in the last bin. Empty `counts` when there is no value.
 * @example binValues([0.5, 0.75, 1.5], 2) // { lo: 0.5, width: 0.5, counts: [2, 1] }
 */
export function binValues(values: Iterable<number>, count: number): Bins {
  const entries: Array<{ value: number; count: number }> = [];
  for (const value of values) entries.push({ value, count: 1 });
  return binEntries(entries, count);
}

/**
 * Bins weighted values (a GetServiceGraph histogram: `count` entities took `value` seconds) as
 * {@link binValues} does; entries with a bad value or a count ≤ 0 are skipped.
 */
export function binEntries(
  entries: Iterable<{ value: number; count: number }>,
  count: number,
): Bins {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const kept: Array<{ value: number; count: number }> = [];
  for (const e of entries) {
    if (!Number.isFinite(e.value) || e.value < 0 || !(e.count > 0)) continue;
    kept.push(e);
    if (e.value < lo) lo = e.value;
    if (e.value > hi) hi = e.value;
  }
  if (kept.length === 0) return { lo: 0, width: MIN_WIDTH, counts: [] };
  const n = Math.max(1, Math.floor(count));
  const width = Math.max(MIN_WIDTH, (hi - lo) / n);
  const bins = Math.min(n, Math.floor((hi - lo) / width) + 1);
  const counts = new Array<number>(bins).fill(0);
  for (const e of kept) {
    const i = Math.min(bins - 1, Math.floor((e.value - lo) / width));
    counts[i] = (counts[i] ?? 0) + e.count;
  }
  return { lo, width, counts };
}

/** The bin under a horizontal position given as a fraction of the plot's width (clamped). */
export function binAt(bins: Bins, fraction: number): number {
  const n = bins.counts.length;
  if (n === 0) return 0;
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return Math.min(n - 1, Math.floor(f * n));
}

/**
 * The response-time range `[from, to]` (seconds) covered by bins `a` to `b` (either order),
 * widened to whole milliseconds so the edge values are inside.
 */
export function binRange(bins: Bins, a: number, b: number): { from: number; to: number } {
  const first = Math.max(0, Math.min(a, b));
  const last = Math.max(first, Math.max(a, b));
  const from = Math.floor((bins.lo + first * bins.width) * 1000) / 1000;
  const to = Math.ceil((bins.lo + (last + 1) * bins.width) * 1000) / 1000;
  return { from, to };
}
