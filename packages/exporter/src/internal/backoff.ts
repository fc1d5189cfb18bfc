/** Retry policy: bounded attempts, exponential ceiling with full jitter. */
export interface BackoffPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Delay ceiling before the first retry, in ms. */
  initialBackoffMillis: number;
  /** Largest delay ceiling, in ms. */
  maxBackoffMillis: number;
}

/**
 * Delay before retry number `retry` (1-based): a uniform draw in
 * [0, min(max, initial × 2^(retry−1))). `random` returns values in [0, 1).
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxBackoffMillis, policy.initialBackoffMillis * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Waits `ms` on an unref()'d timer; resolves early when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
