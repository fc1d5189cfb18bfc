/** Writes a line for a key at most once per interval; repeats in between are counted. */
export type ThrottledLog = (key: string, line: string) => void;

/** Keys remembered at once; beyond it the memory of earlier keys is dropped. */
const MAX_KEYS = 1000;

/**
 * Wraps `log` so that repeated refusals (a page retrying, a flood) cannot fill the terminal: the
 * first line of a key is written at once, later ones at most every `intervalMs`, each saying
 * how many were suppressed since the last.
 * @example
 * const warn = throttledLog(console.error, 10_000);
 * warn('over-budget', 'request refused: ingest queue full'); // written
 * warn('over-budget', 'request refused: ingest queue full'); // counted, not written
 */
export function throttledLog(
  log: (line: string) => void,
  intervalMs = 10_000,
  now: () => number = Date.now,
): ThrottledLog {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return (key, line) => {
    const t = now();
    const last = seen.get(key);
    if (last !== undefined && t - last.at < intervalMs) {
      last.suppressed++;
      return;
    }
    if (last === undefined && seen.size >= MAX_KEYS) seen.clear();
    const more = last?.suppressed ? ` (${last.suppressed} more like it since the last line)` : '';
    seen.set(key, { at: t, suppressed: 0 });
    log(`${line}${more}`);
  };
}
