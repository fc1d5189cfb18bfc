// The trace-id timestamp check of the collector with its skip-timestamp-validation gate off: X-Ray
// rejects trace ids whose first 8 hex digits (Unix seconds) are older than 30 days or more than
// 5 minutes ahead. Off by default (W3C trace ids are random, so the check would refuse them).

const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const MAX_SKEW_SECONDS = 5 * 60;

/** True when the epoch of an X-Ray trace id (`1-{8 hex}-{24 hex}`) is within X-Ray's window of `nowSeconds`. */
export function traceEpochInWindow(xrayTraceId: string, nowSeconds: number): boolean {
  const epoch = Number.parseInt(xrayTraceId.slice(2, 10), 16);
  return epoch >= nowSeconds - MAX_AGE_SECONDS && epoch <= nowSeconds + MAX_SKEW_SECONDS;
}
