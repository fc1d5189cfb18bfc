import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EnterContext } from './context-entry.ts';
import { bindListeners } from './listener-binding.ts';
import { isErrorStatus, statusErrorType } from './http-method.ts';
import { serverRequestAttributes } from './server-attributes.ts';
import { setSpanError } from './span-error.ts';

const SPAN = Symbol('otel-xray.server-span');
type TracedResponse = ServerResponse & { [SPAN]?: Span };

// Shared by every response (a method, not a closure: nothing allocated per request).
function endServerSpan(this: TracedResponse): void {
  const span = this[SPAN];
  if (span === undefined || !span.isRecording()) return;
  const status = this.statusCode;
  span.setAttribute('http.response.status_code', status);
  if (isErrorStatus(status, false)) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    const errorType = statusErrorType(status, false);
    if (errorType !== undefined) span.setAttribute('error.type', errorType);
  }
  span.end();
}

/**
 * Server spans from `http.server.request.start` (node:http and https servers, no patching): the
 * span continues the incoming `X-Amzn-Trace-Id` / `traceparent`, its context becomes the active
 * one for the handler and for listeners the handler adds to the request (body chunks arrive later,
 * from the socket), and it ends when the response closes — finished, or aborted by the client.
 * An exception that escapes a handler is recorded on the server span that was active when it was
 * thrown. Returns the unsubscribe function.
 */
export function traceHttpServer(tracer: Tracer, enter: EnterContext): () => void {
  const onStart = (message: unknown): void => {
    const { request, response } = message as { request: IncomingMessage; response: TracedResponse };
    if (isTracingSuppressed(context.active())) return;
    let ctx: Context;
    try {
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const span = tracer.startSpan(
        request.method || 'GET',
        { kind: SpanKind.SERVER, attributes: serverRequestAttributes(request) },
        parent,
      );
      ctx = trace.setSpan(parent, span);
      response[SPAN] = span;
      response.on('close', endServerSpan);
      bindListeners(request, ctx);
    } catch {
      return; // never into the application: the request runs untraced
    }
    enter(ctx);
  };
  const onUncaught = (error: unknown): void => {
    const span = trace.getActiveSpan();
    // SDK spans carry their kind; only the server span this module started is ended here.
    if (span === undefined || (span as { kind?: SpanKind }).kind !== SpanKind.SERVER) return;
    if (!span.isRecording()) return;
    setSpanError(span, error);
    span.end();
  };
  subscribe('http.server.request.start', onStart);
  process.on('uncaughtExceptionMonitor', onUncaught);
  return () => {
    unsubscribe('http.server.request.start', onStart);
    process.off('uncaughtExceptionMonitor', onUncaught);
  };
}
