import type { Attributes } from '@opentelemetry/api';
import type { Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { ResourceDetector } from '@opentelemetry/resources';
import type { XRayExporterConfig } from '@otel-xray/exporter';

/** Options of `startTracing`. Every option has an environment-variable twin; options win. */
export interface StartTracingOptions {
  /** `service.name` (env `OTEL_SERVICE_NAME`); becomes the X-Ray segment name. */
  serviceName?: string;
  /** Extra resource attributes (merged over `OTEL_RESOURCE_ATTRIBUTES`). */
  resourceAttributes?: Attributes;
  /** Extra resource detectors, e.g. `awsEc2DetectorSync` from `@opentelemetry/resource-detector-aws`. */
  resourceDetectors?: ResourceDetector[];
  /**
   * Sampler: `'xray'` (X-Ray rules: centralized from the daemon address, local fallback),
   * `'parentbased_always_on'`, `'always_on'`, `'always_off'`, or a `Sampler`.
   * Env `OTEL_TRACES_SAMPLER` (+ `OTEL_TRACES_SAMPLER_ARG`). Default `'xray'`.
   */
  sampler?: 'xray' | 'parentbased_always_on' | 'always_on' | 'always_off' | Sampler;
  /** Exporter config (transport `udp` | `api` | `otlp`, daemon address, …); env `AWS_XRAY_DAEMON_ADDRESS` etc. */
  exporter?: XRayExporterConfig;
  /** Replace the X-Ray exporter (tests, or another backend). */
  spanExporter?: SpanExporter;
  /** Extra span processors (e.g. a SimpleSpanProcessor with an in-memory exporter in tests). */
  spanProcessors?: SpanProcessor[];
  /**
   * Instrument `node:http`/`https` (default true; env: `http` in `OTEL_NODE_ENABLED_INSTRUMENTATIONS` /
   * `OTEL_NODE_DISABLED_INSTRUMENTATIONS`).
   */
  http?: boolean;
  /** Instrument global `fetch` through `@opentelemetry/instrumentation-undici` (default true; env name `undici`). */
  fetch?: boolean;
  /** Instrument AWS SDK v3 clients and put `X-Amzn-Trace-Id` on their requests (default true; env name `aws-sdk`). */
  awsSdk?: boolean;
  /**
   * How http and fetch are traced: `'lean'` (default) subscribes to Node's and undici's
   * diagnostics channels (no patching; works without `--import` in CommonJS and ESM); `'otel'` uses
   * `@opentelemetry/instrumentation-http` and `-undici`. Env `OTEL_XRAY_INSTRUMENTATION`.
   */
  instrumentation?: 'lean' | 'otel';
  /**
   * Register OpenTelemetry's ESM loader hook with `module.register` (default true), so ES modules
   * imported after `startTracing()` are instrumented without `--import`.
   */
  esmHook?: boolean;
  /** More instrumentations to register. */
  instrumentations?: Instrumentation[];
  /**
   * Flush and shut down on SIGTERM/SIGINT, and flush when the process is about to end on its own
   * (`beforeExit`), so scripts that never call `shutdownTracing()` lose nothing (default true).
   */
  handleSignals?: boolean;
  /**
   * Trace IDs in log records (`xrayLogFields`, `xrayWinstonFormat`, console): `true` (X-Ray
   * `AWS-XRAY-TRACE-ID` and W3C `trace_id`/`span_id`/`trace_flags`), `'xray'`, `'w3c'`, or `false`.
   * Env `OTEL_XRAY_LOG_CORRELATION` (`true`, `xray`, `w3c`, `false`). Default `true`.
   */
  logCorrelation?: boolean | 'xray' | 'w3c';
  /** Append ` AWS-XRAY-TRACE-ID: 1-…@<segment id>` to `console` lines written in a span (env `OTEL_XRAY_LOG_CONSOLE=true`). Default false. */
  consoleLogCorrelation?: boolean;
  /**
   * Send the lines written through `xrayLogDestination` as OTLP logs to this URL (e.g. the local
   * X-Ray's `http://127.0.0.1:2000/v1/logs`). Env `OTEL_XRAY_LOGS_ENDPOINT`, then
   * `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT`. Default: not sent.
   */
  logsEndpoint?: string;
  /** Environment to read (default `process.env`; for tests). */
  env?: Record<string, string | undefined>;
}
