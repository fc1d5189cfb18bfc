import { diag } from '@opentelemetry/api';

/**
 * Runs `flush`, waiting at most `timeoutMillis`. Lambda freezes the process as soon as the
 * response is sent, so the wrapper waits here before returning; a flush that outlives the bound
 * goes on after the thaw. The timer is cleared and `unref()`'d: nothing keeps the loop alive.
 * Never rejects; resolves `true` when the flush finished in time.
 */
export async function boundedFlush(
  flush: () => Promise<unknown>,
  timeoutMillis: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, timeoutMillis));
    timer.unref();
  });
  const done = Promise.resolve()
    .then(flush)
    .then(
      () => true,
      (error: unknown) => {
        diag.warn('@otel-xray/lambda: flush failed', error);
        return true;
      },
    );
  const inTime = await Promise.race([done, late]);
  clearTimeout(timer);
  if (!inTime) diag.warn(`@otel-xray/lambda: spans still pending after ${timeoutMillis} ms`);
  return inTime;
}
