// What `invoke` returns: Lambda's synchronous Invoke answer (payload, `FunctionError`) plus what
// a test wants to check about the run (request ID, trace, cold start, duration).

/** The answer of one invocation. */
export interface InvokeResult {
  /** `Lambda-Runtime-Aws-Request-Id` of the invocation. */
  requestId: string;
  /** Trace ID the invocation ran in (also when it was not recorded). */
  traceId: string;
  /** True when the invocation started a new environment. */
  coldStart: boolean;
  /** Event delivered → response, ms. */
  durationMs: number;
  /** Init (process start → first `next`), ms; cold starts only. */
  initDurationMs?: number;
  /** `Unhandled` when the function failed (error, timeout, crash, init error), as Lambda's `X-Amz-Function-Error`. */
  functionError?: 'Unhandled';
  /** The response (parsed JSON), or the error body `{errorType, errorMessage, ...}`. */
  payload: unknown;
  /** The error's type when `functionError` is set, e.g. `Error`, `Sandbox.Timedout`, `Runtime.ImportModuleError`. */
  errorType?: string;
  /** The error's message when `functionError` is set. */
  errorMessage?: string;
}

/** Parses JSON text; the text itself when it is not JSON. */
export function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `errorType` and `errorMessage` of an error body, with fallbacks. */
export function errorFields(
  payload: unknown,
  fallbackType: string,
): { errorType: string; errorMessage: string } {
  const body = (payload !== null && typeof payload === 'object' ? payload : {}) as Record<
    string,
    unknown
  >;
  return {
    errorType: typeof body.errorType === 'string' ? body.errorType : fallbackType,
    errorMessage:
      typeof body.errorMessage === 'string'
        ? body.errorMessage
        : typeof payload === 'string'
          ? payload
          : '',
  };
}
