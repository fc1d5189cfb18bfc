// Summaries for noisy benchmark rounds: the median and the range of a list of values.

/** Median (mean of the two middle values for an even count) and extremes. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The spread of `values` (NaN everywhere when empty). */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** `median [min–max]` with `digits` decimals. */
export function formatSpread(s: Spread, digits: number): string {
  return `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}

/** `formatSpread` of ratios, with `ok`/`MISSED` against `goal` judged on the median. */
export function judgeRatio(s: Spread, goal: number): string {
  return `${formatSpread(s, 2)}× ${s.median >= goal ? 'ok' : 'MISSED'} (goal ≥ ${goal})`;
}
