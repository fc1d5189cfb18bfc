// The ADOT / opentelemetry-lambda Node layer's start-up, reduced to its parts: the NodeSDK with every
// auto-instrumentation (aws-lambda included, which wraps the handler named by _HANDLER) and OTLP/HTTP
// export from OTEL_* variables; then, as that layer's wrapper does, the aws-lambda instrumentation
// gets the real tracer provider so it flushes before each response.
// Loaded with --import, after OpenTelemetry's ESM loader hook (the handler is an ES module).
import { createRequire } from 'node:module';
import { trace } from '@opentelemetry/api';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const fromAuto = createRequire(
  createRequire(import.meta.url).resolve('@opentelemetry/auto-instrumentations-node'),
);
const { NodeSDK } = fromAuto('@opentelemetry/sdk-node');

const instrumentations = getNodeAutoInstrumentations();
const sdk = new NodeSDK({ instrumentations });
sdk.start();
for (const instrumentation of instrumentations)
  if (instrumentation.instrumentationName === '@opentelemetry/instrumentation-aws-lambda')
    instrumentation.setTracerProvider(trace.getTracerProvider());
