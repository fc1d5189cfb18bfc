// Whether a live refresh must reload the list, map and analytics, or can keep what it shows:
// nothing was stored, evicted or expired since (the store's change counter), the same list is
// asked for, no listed trace has left a moving window, and the last reload is recent. Pure.

/** What the last reload read. */
export interface Loaded {
  /** The store's change counter then. */
  version: string;
  /** The list request then (query, order, rows). */
  list: string;
  /** When, epoch milliseconds (0: never). */
  at: number;
}

/** What the page would ask for now. */
export interface Wanted {
  /** The store's change counter now; undefined when it could not be read. */
  version: string | undefined;
  list: string;
  /** Epoch milliseconds. */
  now: number;
  /** Start of the window now, epoch seconds. */
  windowStart: number;
  /** Start times of the traces listed at the last reload (undefined: not read yet). */
  starts: readonly number[] | undefined;
}

/** Whether some listed trace started before the window's start: it has left a moving window. */
export function leftWindow(starts: readonly number[], windowStart: number): boolean {
  for (const t of starts) if (t < windowStart) return true;
  return false;
}

/**
 * True when the page must reload: the counter is unknown or changed, the list asked for changed,
 * a listed trace left the window, nothing was read yet, or `maxAgeMs` passed (traces outside the
 * filter leaving the window change the map without changing the list).
 * @example needsReload({ version: '3', list: 'a', at: 0 }, { version: '3', list: 'a', now: 1, windowStart: 0, starts: [] }, 30_000) === false
 */
export function needsReload(loaded: Loaded, wanted: Wanted, maxAgeMs: number): boolean {
  if (wanted.version === undefined || wanted.version !== loaded.version) return true;
  if (wanted.list !== loaded.list || wanted.starts === undefined) return true;
  if (loaded.at === 0 || wanted.now - loaded.at >= maxAgeMs) return true;
  return leftWindow(wanted.starts, wanted.windowStart);
}
