import { intEnv } from './env.ts';

/** How long a service gives in-flight work after SIGTERM before it cuts it, ms (≤ 5 s as orchestrators expect). */
export const DEFAULT_SHUTDOWN_DEADLINE_MS = 5_000;

/** The shutdown deadline: `SHUTDOWN_DEADLINE_MS` (a non-negative integer) or {@link DEFAULT_SHUTDOWN_DEADLINE_MS}. */
export function shutdownDeadlineMs(): number {
  return intEnv('SHUTDOWN_DEADLINE_MS', DEFAULT_SHUTDOWN_DEADLINE_MS);
}

/**
 * Resolves `true` when `work` settles within `ms`, `false` when the deadline comes first (the work
 * goes on; the caller decides to stop waiting). Never rejects; the timer does not hold the process.
 * @example
 * if (!(await withDeadline(consumer.stop(), 5_000))) log('deadline passed');
 */
export function withDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(done, done);
  });
}
