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
import { fetchRequestAttributes, type UndiciRequest } from './fetch-attributes.ts';

const SPAN = Symbol('otel-xray.fetch-span');
type TracedRequest = UndiciRequest & { [SPAN]?: Span };

const HEADER_SETTER: TextMapSetter<UndiciRequest> = {
  set(request, key, value) {
    if (typeof request.addHeader === 'function') request.addHeader(key, value);
    else if (typeof request.headers === 'string') request.headers += `${key}: ${value}\r\n`;
    else request.headers.push(key, value);
  },
};

function onCreate(tracer: Tracer, request: TracedRequest): void {
  if (request.method === 'CONNECT') return;
  const parent = context.active();
  if (isTracingSuppressed(parent)) return;
  const attributes = fetchRequestAttributes(request);
  if (attributes === undefined) return;
  const method = attributes['http.request.method'] as string;
  const span = tracer.startSpan(
    method === '_OTHER' ? 'HTTP' : method,
    { kind: SpanKind.CLIENT, attributes },
    parent,
  );
  request[SPAN] = span;
  propagation.inject(trace.setSpan(parent, span), request, HEADER_SETTER);
}

function onSendHeaders(message: unknown): void {
  const { request, socket } = message as {
    request: TracedRequest;
    socket: { remoteAddress?: string; remotePort?: number; alpnProtocol?: string | false };
  };
  const span = request[SPAN];
  if (span === undefined) return;
  if (socket.remoteAddress !== undefined)
    span.setAttribute('network.peer.address', socket.remoteAddress);
  if (socket.remotePort !== undefined) span.setAttribute('network.peer.port', socket.remotePort);
  span.setAttribute('network.protocol.version', socket.alpnProtocol === 'h2' ? '2' : '1.1');
}

function onHeaders(message: unknown): void {
  const { request, response } = message as {
    request: TracedRequest;
    response: { statusCode: number };
  };
  const span = request[SPAN];
  if (span === undefined) return;
  const status = response.statusCode;
  span.setAttribute('http.response.status_code', status);
  if (status >= 400) {
    span.setAttribute('error.type', String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
}

function onDone(message: unknown): void {
  const request = (message as { request: TracedRequest }).request;
  const span = request[SPAN];
  if (span === undefined) return;
  request[SPAN] = undefined;
  span.end();
}

function onError(message: unknown): void {
  const { request, error } = message as {
    request: TracedRequest;
    error: Error & { code?: string };
  };
  const span = request[SPAN];
  if (span === undefined) return;
  request[SPAN] = undefined;
  // An aborted fetch is the caller's choice, not a failure (as the OTel undici instrumentation).
  const aborted =
    error?.name === 'AbortError' ||
    (error instanceof DOMException && error.code === DOMException.ABORT_ERR);
  if (!aborted) {
    span.setAttribute('error.type', error?.code || error?.name || 'Error');
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message });
  }
  span.end();
}

/**
 * Client spans for global `fetch` from undici's diagnostics channels (`undici:request:create` runs
 * in the caller's context and lets us add the trace headers; `undici:client:sendHeaders`,
 * `:headers`, `:trailers`, `:error` complete and end the span). The same spans and attributes as
 * `@opentelemetry/instrumentation-undici`, without its per-request header Map and `URL`. Returns the
 * unsubscribe function.
 */
export function traceFetch(tracer: Tracer): () => void {
  const create = (message: unknown): void => {
    try {
      onCreate(tracer, (message as { request: TracedRequest }).request);
    } catch {
      // never into the application: the request goes out untraced
    }
  };
  const channels: [string, (message: unknown) => void][] = [
    ['undici:request:create', create],
    ['undici:client:sendHeaders', onSendHeaders],
    ['undici:request:headers', onHeaders],
    ['undici:request:trailers', onDone],
    ['undici:request:error', onError],
  ];
  for (const [name, fn] of channels) subscribe(name, fn);
  return () => {
    for (const [name, fn] of channels) unsubscribe(name, fn);
  };
}
