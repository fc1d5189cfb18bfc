// Waits for a trace to reach an expected tree, prints it and how long it took to be assertable.
import {
  checkTraceTree,
  TraceTimeoutError,
  waitForTrace,
  type ExpectedNode,
  type Trace,
  type WaitForTraceOptions,
} from '@otel-xray/testing';
import { ms, report } from './order-system.ts';

/**
 * Polls the X-Ray API until trace `traceId` contains `expected` (and is complete), prints the
 * tree and the time from `since` (a request's end, performance.now()) until it was assertable.
 */
export async function waitForTree(
  label: string,
  traceId: string,
  expected: ExpectedNode | ExpectedNode[],
  options: WaitForTraceOptions & { since: number },
): Promise<Trace> {
  const { since, ...wait } = options;
  let trace: Trace;
  try {
    trace = await waitForTrace(traceId, {
      timeoutMs: 20_000,
      ...wait,
      until: (t) => checkTraceTree(t, expected).pass && (wait.until?.(t) ?? true),
    });
  } catch (error) {
    // show the expected and the last seen tree side by side rather than only what was seen
    if (error instanceof TraceTimeoutError && error.lastTrace) {
      const diff = checkTraceTree(error.lastTrace, expected);
      if (!diff.pass)
        throw new Error(`[${label}] ${error.message}\n\n${diff.message()}`, { cause: error });
    }
    throw error;
  }
  report(
    `[${label}] request end → tree assertable: ${ms(performance.now() - since)}\n${trace.print()}`,
  );
  return trace;
}
