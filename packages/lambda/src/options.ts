import type { TracerProvider } from '@opentelemetry/api';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { XRayExporterConfig } from '@otel-xray/exporter';

/**
 * What to do with an invocation whose `_X_AMZN_TRACE_ID` says `Sampled=0` (the caller or Lambda
 * decided not to trace it; with PassThrough tracing every unsampled upstream decision lands here).
 * - `drop` (default): record nothing, as the X-Ray SDK does, and keep `Sampled=0` for downstream calls.
 * - `new-trace`: start a new trace in this function (the root sampler decides), linked to the
 *   caller's span; the caller's trace stays without it.
 */
export type UnsampledPolicy = 'drop' | 'new-trace';

/** Options of {@link startLambdaTracing}: the process-wide tracing set-up, made once. */
export interface LambdaTracingOptions {
  /** `service.name` of a root segment (only used when no Lambda header names a parent); default `OTEL_SERVICE_NAME`, then the function name. */
  serviceName?: string;
  /** Exporter options; default daemon UDP to `AWS_XRAY_DAEMON_ADDRESS` and no periodic stats timer. */
  exporter?: XRayExporterConfig;
  /** Extra span processors (after the batch processor that feeds the X-Ray exporter). */
  spanProcessors?: SpanProcessor[];
  /** Decides traces this function starts itself (no header, `Sampled=?`, or `new-trace`); default always on. */
  rootSampler?: Sampler;
  /** Instrumentations to enable with this provider (nothing is loaded unless given). */
  instrumentations?: LambdaInstrumentation[];
  /** Use this provider instead of building one; `forceFlush` runs before each response. */
  tracerProvider?: FlushableTracerProvider;
  /** Environment to read (tests); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Options of {@link withTracing}: per wrapped handler. */
export interface WithTracingOptions {
  /** Name of the invocation span; default `## <handler>` from `_HANDLER` (the X-Ray SDK habit of Powertools). */
  spanName?: string;
  /** See {@link UnsampledPolicy}; default `drop`. */
  unsampled?: UnsampledPolicy;
  /** Upper bound of the flush before the handler's promise settles, in ms; default 1000 (never past the invocation's remaining time less 50 ms). */
  flushTimeoutMillis?: number;
  /** Process-wide set-up used on the first invocation when {@link startLambdaTracing} was not called. */
  tracing?: LambdaTracingOptions;
}

/** An OpenTelemetry instrumentation, as far as the set-up uses it (`@opentelemetry/instrumentation`'s fit). */
export interface LambdaInstrumentation {
  setTracerProvider(provider: TracerProvider): void;
  enable(): void;
}

/** A tracer provider that can flush (the SDK's `TracerProvider` fits). */
export interface FlushableTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
}
