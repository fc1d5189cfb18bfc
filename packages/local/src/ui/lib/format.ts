// Text formatting for the UI: durations always in milliseconds, times of day in the viewer's zone.

/**
 * Formats a duration given in seconds (X-Ray's unit) as milliseconds: two decimals below 1 ms,
 * one below 100 ms, whole milliseconds with thousands separators above.
 * @example formatDurationMs(0.0123) === '12.3 ms'
 */
export function formatDurationMs(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  const ms = seconds * 1000;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${groupThousands(Math.round(ms))} ms`;
}

/** Formats a non-negative integer with `,` between groups of three digits. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats an epoch-seconds instant as `HH:MM:SS.mmm`, shifted by `offsetMinutes` east of UTC
 * (the browser passes `-new Date().getTimezoneOffset()`).
 */
export function formatClock(epochSeconds: number | undefined, offsetMinutes = 0): string {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return '–';
  const shifted = new Date(Math.round(epochSeconds * 1000) + offsetMinutes * 60_000);
  return shifted.toISOString().slice(11, 23);
}

/**
 * Formats an epoch-seconds instant as `YYYY-MM-DD HH:MM:SS.mmm` in the zone `offsetMinutes` east
 * of UTC: the list's time when its range spans several days, and every time's tooltip.
 */
export function formatDateTime(epochSeconds: number | undefined, offsetMinutes = 0): string {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return '–';
  const shifted = new Date(Math.round(epochSeconds * 1000) + offsetMinutes * 60_000);
  return `${shifted.toISOString().slice(0, 10)} ${shifted.toISOString().slice(11, 23)}`;
}

/** Formats a count with a singular or plural noun: `1 request`, `3 requests`. */
export function plural(count: number, noun: string): string {
  return `${groupThousands(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A short label for a long resource name: the last part of an ARN or of a URL path
 * (`arn:aws:sns:…:orders-topic` → `orders-topic`); other names are returned unchanged.
 */
export function shortResourceName(name: string): string {
  if (name.startsWith('arn:')) {
    const tail = name.split(':').pop() ?? name;
    return tail.split('/').pop() || name;
  }
  if (/^https?:\/\//.test(name)) {
    const path = name.replace(/^https?:\/\/[^/]+/, '').replace(/\/+$/, '');
    return path.split('/').pop() || name;
  }
  return name;
}
