import { context, propagation, trace, type TextMapPropagator } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * What `NodeTracerProvider.register()` did in SDK 2.x: a tracer provider, the async-hooks context
 * manager and `propagator`, installed as the globals.
 */
export function registerProvider(
  propagator: TextMapPropagator,
  spanProcessors: SpanProcessor[] = [],
): TracerProvider {
  const provider = new TracerProvider({ spanProcessors });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(propagator);
  trace.setGlobalTracerProvider(provider);
  return provider;
}
