// The parts of Lambda's handler contract the wrapper reads. Structural, so `aws-lambda`'s types
// (`Context`, `Handler`) and the runtime client's own objects fit without a dependency on them.

/** The invocation context the runtime passes as the handler's second argument. */
export interface LambdaContext {
  /** The invocation's request id (`faas.invocation_id`). */
  awsRequestId: string;
  /** The ARN the caller invoked, with a version or alias qualifier when one was used. */
  invokedFunctionArn: string;
  /** `AWS_LAMBDA_FUNCTION_NAME`. */
  functionName?: string;
  /** `AWS_LAMBDA_FUNCTION_VERSION` (`$LATEST` or a number). */
  functionVersion?: string;
  /** Milliseconds until the runtime times the invocation out. */
  getRemainingTimeInMillis?: () => number;
  /** Any other field (log group, identity, client context, …). */
  [key: string]: unknown;
}

/** Node's callback-style handler result callback. */
export type LambdaCallback<R> = (error?: unknown, result?: R) => void;

/** An async handler, or a callback-style one (three parameters). */
export type LambdaHandler<E = unknown, R = unknown> =
  | ((event: E, context: LambdaContext) => Promise<R> | R)
  | ((event: E, context: LambdaContext, callback: LambdaCallback<R>) => void);

/** The wrapped handler: always async, two parameters (what the Node 24 runtime requires). */
export type TracedHandler<E = unknown, R = unknown> = (
  event: E,
  context: LambdaContext,
) => Promise<R>;
