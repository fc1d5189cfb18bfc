// Delays between polls: fast at first, growing geometrically to a ceiling (pure).

/** Poll timing of waitForTrace. */
export interface PollSchedule {
  /** First delay, ms. Default 50. */
  intervalMs?: number;
  /** Largest delay, ms. Default 500. */
  maxIntervalMs?: number;
  /** Growth per poll. Default 1.5. */
  factor?: number;
}

/** The delay before poll number `attempt` (0 = the delay after the first poll). */
export function pollDelay(attempt: number, schedule: PollSchedule = {}): number {
  const first = Math.max(1, schedule.intervalMs ?? 50);
  const max = Math.max(first, schedule.maxIntervalMs ?? 500);
  const factor = Math.max(1, schedule.factor ?? 1.5);
  return Math.min(max, Math.round(first * factor ** Math.max(0, attempt)));
}
