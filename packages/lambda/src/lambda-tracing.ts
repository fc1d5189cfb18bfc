import { context, diag, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { XRayIdGenerator } from '@otel-xray/core';
import { XRaySpanExporter } from '@otel-xray/exporter';
import { XRayPropagator } from '@otel-xray/propagation';
import { lambdaResourceAttributes } from './lambda-resource.ts';
import { LambdaSampler } from './lambda-sampler.ts';
import type { FlushableTracerProvider, LambdaTracingOptions } from './options.ts';

/** The process-wide tracing of a function, made once by {@link startLambdaTracing}. */
export interface LambdaTracing {
  /** The provider spans go to (registered as the global one). */
  provider: FlushableTracerProvider;
  /** The tracer of `@otel-xray/lambda`. */
  tracer: Tracer;
  /** Sends every ended span; never rejects. */
  forceFlush(): Promise<void>;
}

const TRACER_NAME = '@otel-xray/lambda';
let active: LambdaTracing | undefined;

/**
 * Sets up tracing for a Lambda function once per execution environment: X-Ray trace ids, a
 * parent-based sampler that follows `_X_AMZN_TRACE_ID`, the X-Ray propagator for downstream
 * calls, and a batch processor whose X-Ray exporter sends datagrams to `AWS_XRAY_DAEMON_ADDRESS`
 * (the daemon Lambda runs beside the function). No timer keeps the event loop alive and no signal
 * handler is installed: {@link withTracing} flushes before each response instead. A second call
 * returns the first set-up (its options are ignored, with a diag line). Never throws.
 * @example
 * import { startLambdaTracing } from '@otel-xray/lambda';
 * startLambdaTracing({ exporter: { indexedAttributes: ['order.id'] } });
 */
export function startLambdaTracing(options: LambdaTracingOptions = {}): LambdaTracing {
  if (active !== undefined) {
    if (Object.keys(options).length > 0)
      diag.debug('@otel-xray/lambda: tracing already started; options of a later call ignored');
    return active;
  }
  const env = options.env ?? process.env;
  const provider = options.tracerProvider ?? buildProvider(options, env);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new XRayPropagator());
  trace.setGlobalTracerProvider(provider);
  for (const instrumentation of options.instrumentations ?? []) {
    try {
      instrumentation.setTracerProvider(provider);
      instrumentation.enable();
    } catch (error) {
      diag.warn('@otel-xray/lambda: an instrumentation failed to enable', error);
    }
  }
  active = {
    provider,
    tracer: provider.getTracer(TRACER_NAME),
    forceFlush: () =>
      provider.forceFlush().catch((error: unknown) => diag.warn('tracing flush failed', error)),
  };
  return active;
}

function buildProvider(options: LambdaTracingOptions, env: NodeJS.ProcessEnv): TracerProvider {
  const exporter = new XRaySpanExporter({ statsIntervalMillis: 0, ...options.exporter });
  return new TracerProvider({
    resource: resourceFromAttributes(lambdaResourceAttributes(env, options.serviceName)),
    idGenerator: new XRayIdGenerator(),
    sampler: new LambdaSampler(options.rootSampler),
    spanProcessors: [
      // Flushed at the end of every invocation; the delay only matters for long invocations.
      new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 }),
      ...(options.spanProcessors ?? []),
    ],
  });
}

/** Forgets the set-up and unregisters the globals (tests: each starts its own). */
export function resetLambdaTracingForTests(): void {
  active = undefined;
  trace.disable();
  context.disable();
  propagation.disable();
}
