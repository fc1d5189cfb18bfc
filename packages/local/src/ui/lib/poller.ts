// Live refresh: run `tick` every `intervalMs`, never two at once, skipping turns while paused.
// Timers are injected so tests drive it with fake timers.

/** Options of {@link createPoller}. */
export interface PollerOptions {
  /** Pause between the end of one refresh and the start of the next. */
  intervalMs: number;
  /** One refresh. A rejection is swallowed: the next turn tries again. */
  tick: () => Promise<void>;
  /** Checked at each turn; while true the turn is skipped. */
  isPaused: () => boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A running poller. */
export interface Poller {
  /** Refreshes now (or right after the running refresh) and restarts the interval. */
  refreshNow(): Promise<void>;
  /** Stops polling; idempotent. */
  stop(): void;
}

/** Starts polling; the first turn comes after one interval (call `refreshNow` to load at once). */
export function createPoller(options: PollerOptions): Poller {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let handle: unknown;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;

  const schedule = (): void => {
    if (stopped) return;
    if (handle !== undefined) clearTimer(handle);
    handle = setTimer(() => {
      handle = undefined;
      if (options.isPaused()) schedule();
      else void run();
    }, options.intervalMs);
  };

  const run = async (): Promise<void> => {
    if (running !== undefined) {
      // Asked while a refresh runs (e.g. a new filter): its data may be stale, so go once more.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await options.tick().catch(() => undefined);
      } while (again && !stopped);
    })();
    try {
      await running;
    } finally {
      running = undefined;
      schedule();
    }
  };

  schedule();
  return {
    refreshNow: run,
    stop(): void {
      stopped = true;
      if (handle !== undefined) clearTimer(handle);
      handle = undefined;
    },
  };
}

/** Live refresh pauses while the user has paused it or is editing the filter (draft ≠ applied). */
export function shouldPause(state: { manual: boolean; draft: string; applied: string }): boolean {
  return state.manual || state.draft.trim() !== state.applied.trim();
}
