import { context, diag, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { XRayIdGenerator } from '@otel-xray/core';
import { XRaySpanExporter } from '@otel-xray/exporter';
import { xrayAwsSdkHooks, xrayTraceHeaderPlugin } from '@otel-xray/propagation';
import type { StartTracingOptions } from './options.ts';
import { buildResource } from './resource.ts';
import { chooseSampler } from './sampler.ts';
import { batchProcessorConfig } from './batch-processor-config.ts';
import { propagatorFromEnv } from './propagators.ts';
import { AwsSdkPluginInstrumentation } from './aws-sdk-plugin-instrumentation.ts';
import { isAwsSdkRequest } from './internal/aws-sdk-request.ts';
import { installSignalHandlers } from './signals.ts';
import { exitFlush } from './exit-flush.ts';
import { diagFromEnv } from './diag-from-env.ts';
import { registerEsmHook } from './esm-hook.ts';
import { selectInstrumentations } from './instrumentation-selection.ts';
import { setActiveHandle, type TracingHandle } from './tracing-handle.ts';
import { instrumentationMode } from './instrumentation/instrumentation-mode.ts';
import { startLeanInstrumentation } from './instrumentation/lean-instrumentation.ts';
import { LeanTracer } from './instrumentation/lean-tracer.ts';
import { SPAN_LIMITS } from './instrumentation/lean-span-limits.ts';
import { awsSdkSpanPlugin } from './instrumentation/aws-sdk/aws-sdk-span-plugin.ts';
import { setUpLogs } from './logs/logs-from-options.ts';
import { otelInstrumentations } from './otel-instrumentations.ts';

/**
 * Wires OpenTelemetry for X-Ray in one call: a `TracerProvider` (`@opentelemetry/sdk-trace`) with X-Ray trace IDs, the
 * X-Ray sampler, W3C + X-Ray propagation, the http, fetch (undici) and aws-sdk instrumentations (SQS/SNS carriers
 * and the `X-Amzn-Trace-Id` request header on every AWS SDK v3 client) and a batch processor
 * sending to the X-Ray exporter (daemon UDP by default). Configured by options or the usual
 * env (`OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER`, `OTEL_PROPAGATORS`,
 * `AWS_XRAY_DAEMON_ADDRESS`, `AWS_REGION`, `OTEL_BSP_SCHEDULE_DELAY` / `_EXPORT_TIMEOUT` /
 * `_MAX_QUEUE_SIZE` / `_MAX_EXPORT_BATCH_SIZE`; for logs `OTEL_XRAY_LOG_CORRELATION`,
 * `OTEL_XRAY_LOG_CONSOLE`, `OTEL_XRAY_LOGS_ENDPOINT`). Never throws into the application.
 * @example
 * import { startTracing } from '@otel-xray/node';
 * const tracing = startTracing({ serviceName: 'orders' });
 * process.on('SIGTERM', () => tracing.shutdown());
 */
export function startTracing(options: StartTracingOptions = {}): TracingHandle {
  const env = options.env ?? process.env;
  diagFromEnv(env.OTEL_LOG_LEVEL);
  const resource = buildResource(
    env,
    options.serviceName,
    options.resourceAttributes,
    options.resourceDetectors,
  );
  const logSending = setUpLogs(options, env, resource);
  const sampler = chooseSampler(options.sampler, env, resource);
  const exporter = options.spanExporter ?? new XRaySpanExporter(options.exporter);
  const handleSignals = options.handleSignals ?? true;
  let flushAtExit: ReturnType<typeof exitFlush> | undefined;
  const processors: SpanProcessor[] = [
    // X-Ray SDKs send each segment when it ends; a short default delay keeps traces fresh locally.
    new BatchSpanProcessor({ exporter, ...batchProcessorConfig(env) }),
    ...(options.spanProcessors ?? []),
  ];
  if (handleSignals) {
    flushAtExit = exitFlush(() => handle.forceFlush());
    processors.push(flushAtExit.processor);
  }
  const idGenerator = new XRayIdGenerator();
  const provider = new TracerProvider({
    resource,
    idGenerator,
    sampler: sampler.sampler,
    spanProcessors: processors,
    spanLimits: SPAN_LIMITS,
  });
  // What NodeTracerProvider.register() did in SDK 2.x: the globals, with async-hooks context.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(propagatorFromEnv(env.OTEL_PROPAGATORS));
  trace.setGlobalTracerProvider(provider);
  const selected = selectInstrumentations(env, {
    http: options.http,
    undici: options.fetch,
    'aws-sdk': options.awsSdk,
  });
  const instrumentations: Instrumentation[] = [...(options.instrumentations ?? [])];
  let stopLean = (): void => {};
  // The tracer of our lean instrumentations (http, fetch, aws-sdk): the provider's sampler, IDs,
  // resource, limits and processors, without re-checking the attributes we build.
  const leanTracer = new LeanTracer({
    sampler: sampler.sampler,
    idGenerator,
    resource,
    limits: SPAN_LIMITS,
    processors,
    scope: { name: '@otel-xray/node', version: undefined, schemaUrl: undefined },
  });
  // otel mode's instrumentations load now, or not at all (then lean mode, after a diag error).
  const otel =
    instrumentationMode(options.instrumentation, env.OTEL_XRAY_INSTRUMENTATION) === 'otel'
      ? otelInstrumentations()
      : undefined;
  if (otel === undefined) {
    // diagnostics_channel: no patching, so load order and ESM do not matter for http and fetch.
    stopLean = startLeanInstrumentation({
      tracer: leanTracer,
      contextManager,
      http: selected.has('http'),
      fetch: selected.has('undici'),
      ignoreOutgoing: isAwsSdkRequest,
    });
  } else {
    const { HttpInstrumentation, UndiciInstrumentation } = otel;
    if (selected.has('http'))
      instrumentations.push(
        new HttpInstrumentation({
          ignoreOutgoingRequestHook: (request) => isAwsSdkRequest(request),
        }),
      );
    // fetch() runs on undici, which reports through diagnostics_channel: no patching, any load order.
    if (selected.has('undici')) instrumentations.push(new UndiciInstrumentation());
  }
  if (selected.has('aws-sdk')) {
    if (otel === undefined) {
      // Our span middleware, one per client: no per-call patching of the middleware stack.
      instrumentations.push(
        new AwsSdkPluginInstrumentation({
          plugins: [(client) => awsSdkSpanPlugin(leanTracer, client), xrayTraceHeaderPlugin()],
        }),
      );
    } else {
      instrumentations.push(
        new otel.AwsInstrumentation({
          ...xrayAwsSdkHooks(),
          sqsExtractContextPropagationFromPayload: true,
        }),
        new AwsSdkPluginInstrumentation({ plugins: [xrayTraceHeaderPlugin()] }),
      );
    }
  }
  // Only patching instrumentations (aws-sdk, otel http) need the loader hook.
  if ((options.esmHook ?? true) && instrumentations.length > 0) registerEsmHook(instrumentations);
  // Instrumentations stay enabled after shutdown (disabling them only logs shimmer noise).
  registerInstrumentations({ instrumentations, tracerProvider: provider });
  let removeSignals = (): void => {};
  let stopping: Promise<void> | undefined;
  const handle: TracingHandle = {
    provider,
    exporter,
    forceFlush: async () => {
      await Promise.all([
        provider.forceFlush().catch((error: unknown) => diag.warn('tracing flush failed', error)),
        logSending?.forceFlush(),
      ]);
    },
    shutdown: () =>
      (stopping ??= (async () => {
        removeSignals();
        stopLean();
        await sampler.shutdown().catch(() => undefined);
        await Promise.all([
          provider
            .shutdown()
            .catch((error: unknown) => diag.warn('tracing shutdown failed', error)),
          logSending?.shutdown(),
        ]);
      })()),
  };
  if (handleSignals) {
    const removeSignalHandlers = installSignalHandlers(
      () => handle.forceFlush(),
      () => handle.shutdown(),
    );
    const removeExitFlush = flushAtExit?.install() ?? (() => undefined);
    removeSignals = () => {
      removeSignalHandlers();
      removeExitFlush();
    };
  }
  setActiveHandle(handle);
  return handle;
}
