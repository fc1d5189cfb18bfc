// The filter text a dragged histogram range gives, as X-Ray's Analytics does: the applied filter
// gains `responsetime >= a AND responsetime <= b`, replacing a range an earlier drag added. Pure.

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE = String.raw`responsetime\s*>=\s*${NUMBER}\s+AND\s+responsetime\s*<=\s*${NUMBER}`;
/** A range added by an earlier drag: the whole filter, or its last `AND` term. */
const ALONE = new RegExp(String.raw`^\s*${RANGE}\s*$`, 'i');
const TRAILING = new RegExp(
  String.raw`^\s*\((.*)\)\s+AND\s+${RANGE}\s*$|^(.*?)\s+AND\s+${RANGE}\s*$`,
  'is',
);

/** Seconds as filter text: at most 3 decimals, no trailing zeros. */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** `filter` without a response-time range a drag appended (unchanged when it has none). */
export function withoutResponseTimeRange(filter: string): string {
  if (ALONE.test(filter)) return '';
  const m = TRAILING.exec(filter);
  if (m === null) return filter.trim();
  return (m[1] ?? m[2] ?? '').trim();
}

/**
 * `filter` narrowed to response times in `[from, to]` seconds. An earlier drag's range is
 * replaced; a filter with `OR` (or `||`) is parenthesised so the range applies to all of it.
 * @example withResponseTimeRange('service("a")', 0.1, 0.25)
 * // 'service("a") AND responsetime >= 0.1 AND responsetime <= 0.25'
 */
export function withResponseTimeRange(filter: string, from: number, to: number): string {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const range = `responsetime >= ${formatSeconds(lo)} AND responsetime <= ${formatSeconds(hi)}`;
  const rest = withoutResponseTimeRange(filter);
  if (rest === '') return range;
  const grouped = /\bor\b|\|\|/i.test(rest) ? `(${rest})` : rest;
  return `${grouped} AND ${range}`;
}
