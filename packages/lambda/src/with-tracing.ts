import { context as api, diag, SpanStatusCode, type Span } from '@opentelemetry/api';
import { boundedFlush } from './internal/bounded-flush.ts';
import { startInvocation, type Invocation } from './invocation-span.ts';
import type {
  LambdaCallback,
  LambdaContext,
  LambdaHandler,
  TracedHandler,
} from './lambda-types.ts';
import { startLambdaTracing, type LambdaTracing } from './lambda-tracing.ts';
import type { WithTracingOptions } from './options.ts';
import { currentTraceHeader } from './trace-header-source.ts';
import { faasTrigger } from './triggers/detect-trigger.ts';
import { httpStatusOf } from './triggers/http-event.ts';
import { batchItemFailures } from './triggers/message-links.ts';

const DEFAULT_FLUSH_MILLIS = 1000;
/** Kept free before Lambda's timeout: the response itself still has to be sent. */
const RESPONSE_MARGIN_MILLIS = 50;

/**
 * Wraps a Lambda handler so that each invocation is a span under Lambda's own function segment
 * (the `Parent` of `_X_AMZN_TRACE_ID`, read per invocation; `Lineage` kept for downstream calls),
 * with attributes from the event (API Gateway REST and HTTP API, function URL, ALB, SQS and SNS
 * batches with one link per record, direct invoke), `faas.coldstart` and a `ColdStart` annotation,
 * the function's ARN and version; and flushes the spans, bounded in time, before the returned
 * promise settles — Lambda freezes the process right after the response. `Sampled=0` records
 * nothing by default (see {@link UnsampledPolicy}) and says why through `diag`.
 * The handler's result and errors pass through unchanged; tracing never throws into it.
 * @example
 * import { withTracing } from '@otel-xray/lambda';
 * export const handler = withTracing(async (event) => ({ statusCode: 200, body: 'ok' }));
 */
export function withTracing<E = unknown, R = unknown>(
  handler: LambdaHandler<E, R>,
  options: WithTracingOptions = {},
): TracedHandler<E, R> {
  const spanName = options.spanName ?? defaultSpanName();
  const unsampled = options.unsampled ?? 'drop';
  return async function tracedHandler(event: E, lambdaContext: LambdaContext): Promise<R> {
    let tracing: LambdaTracing;
    let invocation: Invocation;
    try {
      tracing = startLambdaTracing(options.tracing);
      const header = currentTraceHeader();
      invocation = startInvocation(tracing, spanName, event, lambdaContext, header, unsampled);
    } catch (error) {
      diag.warn('@otel-xray/lambda: tracing failed; handler runs untraced', error);
      return callHandler(handler, event, lambdaContext);
    }
    const { span } = invocation;
    try {
      const result = await api.with(invocation.context, () =>
        callHandler(handler, event, lambdaContext),
      );
      finishWithResult(span, invocation, result);
      return result;
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
      await boundedFlush(() => tracing.forceFlush(), flushBound(options, lambdaContext));
    }
  };
}

/** Calls an async or callback-style handler and gives back one promise. */
function callHandler<E, R>(
  handler: LambdaHandler<E, R>,
  event: E,
  lambdaContext: LambdaContext,
): Promise<R> {
  if (handler.length < 3)
    return Promise.resolve().then(() =>
      (handler as (e: E, c: LambdaContext) => Promise<R> | R)(event, lambdaContext),
    );
  return new Promise<R>((resolve, reject) => {
    const callback: LambdaCallback<R> = (error, result) =>
      // The handler's own error value passes through unchanged, as Lambda would see it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      error === undefined || error === null ? resolve(result as R) : reject(error);
    const returned = (handler as (e: E, c: LambdaContext, cb: LambdaCallback<R>) => unknown)(
      event,
      lambdaContext,
      callback,
    );
    if (returned instanceof Promise) returned.then(resolve as (v: unknown) => void, reject);
  });
}

function finishWithResult(span: Span, invocation: Invocation, result: unknown): void {
  if (!span.isRecording()) return;
  if (faasTrigger(invocation.trigger) === 'http') {
    const status = httpStatusOf(result, invocation.trigger);
    if (status !== undefined) span.setAttribute('http.response.status_code', status);
    if (status !== undefined && status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  }
  if (invocation.trigger === 'sqs') {
    const failed = batchItemFailures(result);
    if (failed !== undefined) {
      span.setAttribute('aws.lambda.batch_item_failures', failed.length);
      if (failed.length > 0) span.setAttribute('messaging.batch.failed_message_ids', failed);
    }
  }
}

function failSpan(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  const exception = error instanceof Error ? error : String(error);
  span.recordException(exception);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

function flushBound(options: WithTracingOptions, lambdaContext: LambdaContext): number {
  const wanted = options.flushTimeoutMillis ?? DEFAULT_FLUSH_MILLIS;
  let remaining = Number.POSITIVE_INFINITY;
  try {
    const left = lambdaContext?.getRemainingTimeInMillis?.();
    if (typeof left === 'number' && Number.isFinite(left))
      remaining = left - RESPONSE_MARGIN_MILLIS;
  } catch {
    // A context without a working clock: the configured bound alone.
  }
  return Math.max(0, Math.min(wanted, remaining));
}

/** `## index.handler`: the handler Lambda was told to load (the register keeps the original). */
function defaultSpanName(): string {
  const handler = process.env.OTEL_XRAY_LAMBDA_HANDLER || process.env._HANDLER;
  return handler ? `## ${handler.slice(handler.lastIndexOf('/') + 1)}` : '## handler';
}
