import { SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';

/**
 * The service name of a client: its `serviceId` (`config.serviceId`), else the client class name
 * without `Client`, spaces removed — as `@opentelemetry/instrumentation-aws-sdk` names it.
 */
export function serviceNameOf(serviceId: unknown, clientName: string | undefined): string {
  const name =
    typeof serviceId === 'string' ? serviceId : withoutSuffix(clientName || 'AWS', 'Client');
  return name.replace(/\s+/g, '');
}

/** `SendMessageCommand` → `SendMessage`. */
export function commandNameOf(commandName: string): string {
  return withoutSuffix(commandName, 'Command');
}

function withoutSuffix(text: string, suffix: string): string {
  return text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
}

/** The attributes every SDK span starts with (`cloud.region` is set once the region resolves). */
export function rpcAttributes(service: string, command: string): Attributes {
  return { 'rpc.system': 'aws-api', 'rpc.method': command, 'rpc.service': service };
}

/** `aws.request.id`, `http.response.status_code` and `aws.request.extended_id` of a response. */
export function setResponseMetadata(span: Span, metadata: unknown): void {
  if (typeof metadata !== 'object' || metadata === null) return;
  const { requestId, httpStatusCode, extendedRequestId } = metadata as Record<string, unknown>;
  if (requestId) span.setAttribute('aws.request.id', requestId);
  if (httpStatusCode) span.setAttribute('http.response.status_code', httpStatusCode);
  if (extendedRequestId) span.setAttribute('aws.request.extended_id', extendedRequestId);
}

/**
 * Marks an SDK span failed as the OpenTelemetry instrumentation does: the error's `RequestId`,
 * `$metadata.httpStatusCode` and `extendedRequestId`, an ERROR status with its message and an
 * exception event (no `error.type`).
 */
export function setSdkError(span: Span, error: unknown): void {
  const err = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (err.RequestId) span.setAttribute('aws.request.id', err.RequestId);
  const status = (err.$metadata as Record<string, unknown> | undefined)?.httpStatusCode;
  if (status) span.setAttribute('http.response.status_code', status);
  if (err.extendedRequestId) span.setAttribute('aws.request.extended_id', err.extendedRequestId);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message as string | undefined });
  span.recordException(error as Error);
}
