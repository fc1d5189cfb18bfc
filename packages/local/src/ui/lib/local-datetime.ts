// The custom range's two `datetime-local` inputs: their value (`YYYY-MM-DDTHH:MM`, no zone) is a
// wall-clock time in the viewer's zone, converted here to and from epoch seconds.
import type { TimeRange } from './url-state.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * The input value for an instant, in the zone `offsetMinutes` east of UTC, to the minute.
 * @example toLocalInput(1_733_337_600, 60) === '2024-12-04T19:40'
 */
export function toLocalInput(epochSeconds: number, offsetMinutes: number): string {
  const shifted = new Date(Math.floor(epochSeconds / 60) * 60_000 + offsetMinutes * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The instant an input value names (epoch seconds), or undefined for an empty or bad value. */
export function fromLocalInput(text: string, offsetMinutes: number): number | undefined {
  const m = LOCAL.exec(text.trim());
  if (m === null) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((p) => Number(p ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  // Date.UTC rolls over (Feb 30 → Mar 2): such a value is not a date.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return ms / 1000 - offsetMinutes * 60;
}

/** The absolute range two input values give, or undefined when either is bad or `to <= from`. */
export function customRange(
  fromText: string,
  toText: string,
  offsetMinutes: number,
): TimeRange | undefined {
  const from = fromLocalInput(fromText, offsetMinutes);
  const to = fromLocalInput(toText, offsetMinutes);
  if (from === undefined || to === undefined || to <= from) return undefined;
  return { kind: 'absolute', from, to };
}
