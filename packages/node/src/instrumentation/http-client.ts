import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { clientRequestAttributes } from './client-attributes.ts';
import { isErrorStatus, statusErrorType } from './http-method.ts';
import { setSpanError } from './span-error.ts';

const SPAN = Symbol('otel-xray.client-span');
type TracedRequest = ClientRequest & { [SPAN]?: Span };

const HEADER_SETTER: TextMapSetter<ClientRequest> = {
  set: (request, key, value) => request.setHeader(key, value),
};

// Shared by every request: ends the span once the exchange is over (response read, or torn down).
function endClientSpan(this: TracedRequest): void {
  const span = this[SPAN];
  if (span === undefined || !span.isRecording()) return;
  const response = (this as { res?: IncomingMessage | null }).res;
  if (response) {
    if (response.aborted && !response.complete) span.setStatus({ code: SpanStatusCode.ERROR });
    else if (isErrorStatus(response.statusCode, true)) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      const errorType = statusErrorType(response.statusCode, true);
      if (errorType !== undefined) span.setAttribute('error.type', errorType);
    }
  }
  span.end();
}

function onResponse(message: unknown): void {
  const { request, response } = message as { request: TracedRequest; response: IncomingMessage };
  const span = request[SPAN];
  if (span === undefined) return;
  if (response.statusCode !== undefined)
    span.setAttribute('http.response.status_code', response.statusCode);
  const socket = response.socket;
  if (socket) {
    if (socket.remoteAddress !== undefined)
      span.setAttribute('network.peer.address', socket.remoteAddress);
    if (socket.remotePort !== undefined) span.setAttribute('network.peer.port', socket.remotePort);
    span.setAttribute('network.protocol.version', response.httpVersion);
  }
}

function onError(message: unknown): void {
  const { request, error } = message as { request: TracedRequest; error: unknown };
  const span = request[SPAN];
  if (span === undefined || !span.isRecording()) return;
  setSpanError(span, error);
  span.end();
}

/**
 * Client spans for node:http/https requests from `http.client.request.created` (fired in the
 * `ClientRequest` constructor, in the caller's context, before the headers go out, so
 * `X-Amzn-Trace-Id` and `traceparent` can still be set), completed from
 * `http.client.response.finish` / `http.client.request.error` and ended when the request closes.
 * `ignore` skips requests (the AWS SDK's own). A request whose headers are already sent when it is
 * created (`Expect: 100-continue`) gets its span but cannot carry the trace header.
 */
export function traceHttpClient(
  tracer: Tracer,
  ignore: (request: ClientRequest) => boolean,
): () => void {
  const onCreated = (message: unknown): void => {
    const request = (message as { request: TracedRequest }).request;
    const parent = context.active();
    if (isTracingSuppressed(parent)) return;
    try {
      if (ignore(request)) return;
      const span = tracer.startSpan(
        request.method,
        { kind: SpanKind.CLIENT, attributes: clientRequestAttributes(request) },
        parent,
      );
      request[SPAN] = span;
      if (!request.headersSent)
        propagation.inject(trace.setSpan(parent, span), request, HEADER_SETTER);
      request.on('close', endClientSpan);
    } catch {
      // never into the application: the request goes out untraced
    }
  };
  subscribe('http.client.request.created', onCreated);
  subscribe('http.client.response.finish', onResponse);
  subscribe('http.client.request.error', onError);
  return () => {
    unsubscribe('http.client.request.created', onCreated);
    unsubscribe('http.client.response.finish', onResponse);
    unsubscribe('http.client.request.error', onError);
  };
}
