// Wire facts of Lambda's Runtime API 2018-06-01 (Lambda developer guide, "Using the Lambda
// runtime API for custom runtimes") shared by the server and the environment behind it.

/** Path prefix of every route. */
export const RUNTIME_API_PREFIX = '/2018-06-01/runtime';

/** Largest synchronous response Lambda accepts, bytes (6 MB as Lambda counts it). */
export const MAX_RESPONSE_BYTES = 6_291_556;

/** Largest error or init-error body the server reads, bytes. */
export const MAX_ERROR_BYTES = 1_048_576;

/** One event as `GET …/invocation/next` hands it out. */
export interface NextInvocation {
  /** `Lambda-Runtime-Aws-Request-Id`. */
  requestId: string;
  /** `Lambda-Runtime-Deadline-Ms`: epoch ms of the timeout. */
  deadlineMs: number;
  /** `Lambda-Runtime-Invoked-Function-Arn`. */
  invokedFunctionArn: string;
  /** `Lambda-Runtime-Trace-Id`: becomes `_X_AMZN_TRACE_ID` in the function. */
  traceId: string;
  /** `Lambda-Runtime-Client-Context` (JSON), when the caller sent one. */
  clientContext?: string;
  /** `Lambda-Runtime-Cognito-Identity` (JSON), when the caller sent one. */
  cognitoIdentity?: string;
  /** The event, as JSON text. */
  payload: string;
}

/** What the runtime reported for an invocation or for its init. */
export type RuntimeReport =
  | { kind: 'response'; requestId: string; payload: string }
  | {
      kind: 'error';
      requestId: string;
      /** `Lambda-Runtime-Function-Error-Type`. */
      errorType: string;
      /** The body: `{errorMessage, errorType, stackTrace}` as the runtime sent it. */
      payload: string;
      /** `Lambda-Runtime-Function-XRay-Error-Cause`, when sent. */
      xrayCause?: string;
    }
  | { kind: 'init-error'; errorType: string; payload: string };

/** Whether a report was taken, and if not, why (mapped to a status by the server). */
export type ReportAnswer = 'accepted' | 'unknown-request' | 'not-expected';

/** The environment behind the server. */
export interface RuntimeApiBackend {
  /** Resolves with the next event; the server holds the request open until then. */
  next(): Promise<NextInvocation>;
  /** A response, error or init error from the runtime. */
  report(report: RuntimeReport): ReportAnswer;
}
