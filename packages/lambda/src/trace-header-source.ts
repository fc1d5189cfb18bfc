// Where this invocation's X-Ray header is: the runtime client's invoke store (per invocation, also
// with several invocations in flight on Lambda Managed Instances), else `_X_AMZN_TRACE_ID`, which the
// runtime client rewrites before each invocation. Read per invocation, never cached.
import { LAMBDA_TRACE_HEADER_ENV } from '@otel-xray/propagation';

interface InvokeStoreLike {
  getXRayTraceId?: () => unknown;
}

/** The current invocation's `X-Amzn-Trace-Id` value, or `undefined`. Never throws. */
export function currentTraceHeader(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const store = (globalThis as { awslambda?: { InvokeStore?: InvokeStoreLike } }).awslambda
      ?.InvokeStore;
    const fromStore = store?.getXRayTraceId?.();
    if (typeof fromStore === 'string' && fromStore !== '') return fromStore;
  } catch {
    // A foreign `awslambda` global: fall back to the variable.
  }
  const fromEnv = env[LAMBDA_TRACE_HEADER_ENV];
  return fromEnv === '' ? undefined : fromEnv;
}
