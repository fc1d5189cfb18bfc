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
  return `${s.median.toFixed(digits)} ${formatRange(s, digits)}`;
}

/** `[min–max]` with `digits` decimals. */
function formatRange(s: Spread, digits: number): string {
  return `[${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}

/**
 * A ratio beside its goal: two decimals, or three when two would print the goal itself — a median
 * of 1.297 against a goal of 1.3 reads "1.297", not "1.30 … NOT met".
 */
export function formatRatio(value: number, goal: number): string {
  const two = value.toFixed(2);
  return two === goal.toFixed(2) && value !== goal ? value.toFixed(3) : two;
}

/** `formatSpread` of ratios, with `ok`/`MISSED` against `goal` judged on the median. */
export function judgeRatio(s: Spread, goal: number): string {
  const judged = s.median >= goal ? 'ok' : 'MISSED';
  return `${formatRatio(s.median, goal)} ${formatRange(s, 2)}× ${judged} (goal ≥ ${goal})`;
}
