// The list's time range as epoch seconds, and its label in the window picker.
import type { TimeRange } from './url-state.ts';

/** Slack past now for relative ranges: covers services whose clocks run slightly ahead. */
const SLACK_SECONDS = 60;

/** `[start, end)` in epoch seconds for `range` at `nowSeconds`. */
export function rangeBounds(range: TimeRange, nowSeconds: number): [number, number] {
  if (range.kind === 'absolute') return [range.from, range.to];
  return [nowSeconds - range.minutes * 60, nowSeconds + SLACK_SECONDS];
}

function stamp(epochSeconds: number, offsetMinutes: number): string {
  const iso = new Date(Math.round(epochSeconds * 1000) + offsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * The picker's text for a range: `last 90 min`, `last 2 h`, `last 3 d`, or both ends with dates
 * in the viewer's zone (`offsetMinutes` east of UTC).
 * @example rangeLabel({ kind: 'relative', minutes: 120 }, 0) === 'last 2 h'
 */
export function rangeLabel(range: TimeRange, offsetMinutes: number): string {
  if (range.kind === 'absolute')
    return `${stamp(range.from, offsetMinutes)} – ${stamp(range.to, offsetMinutes)}`;
  const m = range.minutes;
  if (m % 1440 === 0) return `last ${m / 1440} d`;
  if (m % 60 === 0) return `last ${m / 60} h`;
  return `last ${m} min`;
}

/**
 * Whether `[start, end]` covers more than one calendar day in the viewer's zone: the list then
 * shows each trace's date with its time.
 */
export function spansDays(start: number, end: number, offsetMinutes: number): boolean {
  const day = (t: number): number => Math.floor((t + offsetMinutes * 60) / 86_400);
  return day(start) !== day(end);
}
