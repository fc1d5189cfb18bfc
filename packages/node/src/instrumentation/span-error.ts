import { SpanStatusCode, type Span } from '@opentelemetry/api';

/** Marks a span as failed by an exception: `error.type`, an ERROR status with the message, an exception event. */
export function setSpanError(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.setAttribute('error.type', err.name);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
  span.recordException(err);
}
