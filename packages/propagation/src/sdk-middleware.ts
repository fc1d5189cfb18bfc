import { context as api, diag } from '@opentelemetry/api';
import type {
  BuildHandlerOptions,
  BuildMiddleware,
  HandlerExecutionContext,
  Pluggable,
} from '@smithy/types';
import { TRACE_HEADER_NAME } from '@otel-xray/core';
import { traceHeaderForContext } from './header-context.ts';

/** Name under which the middleware sits in the stack (adding it twice replaces it). */
export const TRACE_HEADER_MIDDLEWARE_NAME = 'otelXRayTraceHeaderMiddleware';

/** Where {@link xrayTraceHeaderPlugin} adds the middleware: the `build` step, after serialization. */
export const TRACE_HEADER_MIDDLEWARE_OPTIONS: BuildHandlerOptions = {
  step: 'build',
  name: TRACE_HEADER_MIDDLEWARE_NAME,
  tags: ['X_AMZN_TRACE_ID', 'OTEL_XRAY'],
  override: true,
};

/**
 * Sets the `X-Amzn-Trace-Id` request header from the active context (the
 * `@opentelemetry/instrumentation-aws-sdk` client span when that is installed). SQS turns it into
 * the `AWSTraceHeader` of every message a `SendMessage`/`SendMessageBatch` sends (an explicit
 * `AWSTraceHeader` attribute wins), and SNS passes it on to SQS subscriptions. A header already on
 * the request (e.g. the SDK's Lambda recursion-detection one) keeps its `Lineage` and unknown
 * fields; in Lambda (`AWS_LAMBDA_FUNCTION_NAME` set) so does `_X_AMZN_TRACE_ID`, which the SDK would
 * otherwise copy into an absent header. Without a valid span context the request is left alone.
 * Never throws.
 */
export function traceHeaderMiddleware<
  Input extends object,
  Output extends object,
>(): BuildMiddleware<Input, Output> {
  // Read once per client: Lambda's function name does not change while the process lives.
  const inLambda = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
  return (next, _context: HandlerExecutionContext) => (args) => {
    try {
      const headers = requestHeaders(args.request);
      if (headers !== undefined) setTraceHeader(headers, inLambda);
    } catch (error) {
      diag.debug('@otel-xray/propagation: could not set X-Amzn-Trace-Id', error);
    }
    return next(args);
  };
}

/**
 * An AWS SDK v3 plugin that adds {@link traceHeaderMiddleware} to a client or command.
 * @example
 * const sns = new SNSClient({});
 * sns.middlewareStack.use(xrayTraceHeaderPlugin());
 */
export function xrayTraceHeaderPlugin<Input extends object, Output extends object>(): Pluggable<
  Input,
  Output
> {
  return {
    applyToStack: (stack) => {
      stack.add(traceHeaderMiddleware<Input, Output>(), TRACE_HEADER_MIDDLEWARE_OPTIONS);
    },
  };
}

function requestHeaders(request: unknown): Record<string, string> | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const headers = (request as { headers?: unknown }).headers;
  return typeof headers === 'object' && headers !== null
    ? (headers as Record<string, string>)
    : undefined;
}

function setTraceHeader(headers: Record<string, string>, inLambda: boolean): void {
  let existing: string | undefined;
  const spellings: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== TRACE_HEADER_NAME) continue;
    spellings.push(key);
    const value = headers[key];
    if (existing === undefined && typeof value === 'string') existing = value;
  }
  // In Lambda the SDK's recursion-detection middleware (build step, low priority: after this one)
  // would copy _X_AMZN_TRACE_ID into an absent header; merge it here so its Lineage survives.
  if (inLambda) existing ??= process.env._X_AMZN_TRACE_ID || undefined;
  const value = traceHeaderForContext(api.active(), existing);
  if (value === undefined) return;
  for (const key of spellings) delete headers[key];
  headers['X-Amzn-Trace-Id'] = value;
}
