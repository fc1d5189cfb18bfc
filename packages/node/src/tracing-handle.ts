import { trace, INVALID_SPAN_CONTEXT, type Span } from '@opentelemetry/api';
import type { SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';

/** What `startTracing` returns. */
export interface TracingHandle {
  provider: TracerProvider;
  exporter: SpanExporter;
  /** Sends everything buffered now. */
  forceFlush(): Promise<void>;
  /** Flushes, stops instrumentations, pollers and the exporter. Idempotent. */
  shutdown(): Promise<void>;
}

// On globalThis: `--import @otel-xray/node/register` and the app's own `import … from
// '@otel-xray/node'` must find the same handle even if they load different copies of this module.
const ACTIVE = Symbol.for('@otel-xray/node.tracing-handle');
const slot = globalThis as { [ACTIVE]?: TracingHandle | undefined };

/** Records the handle `shutdownTracing()` acts on (the last `startTracing`). */
export function setActiveHandle(handle: TracingHandle | undefined): void {
  slot[ACTIVE] = handle;
}

/** The handle of the running setup, if any (e.g. after `--import @otel-xray/node/register`). */
export function getTracingHandle(): TracingHandle | undefined {
  return slot[ACTIVE];
}

/** Flushes and shuts down the running setup; a no-op when none runs. Call it before exiting. */
export async function shutdownTracing(): Promise<void> {
  await slot[ACTIVE]?.shutdown();
}

/** The active span, or a non-recording one (so helpers can be called outside any span). */
export function activeSpan(): Span {
  return trace.getActiveSpan() ?? trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
}
