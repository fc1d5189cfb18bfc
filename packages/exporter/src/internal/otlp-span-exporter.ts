// The OTLP path assembled from the OTel OTLP exporter's own parts: OTLPExporterBase, the network
// export delegate (bounded concurrency, partial-success logging) and ProtobufTraceSerializer — the
// same pieces `@opentelemetry/exporter-trace-otlp-proto` wires together — with our signing transport
// in place of its unsigned HTTP one.
import {
  OTLPExporterBase,
  createOtlpNetworkExportDelegate,
} from '@opentelemetry/otlp-exporter-base';
import { createOtlpHttpExporterMetrics } from '@opentelemetry/otlp-exporter-base/node-http';
import {
  ProtobufTraceSerializer,
  TraceExporterMetricsHelper,
} from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { IExporterTransport } from '@opentelemetry/otlp-exporter-base';

/** Options of {@link createOtlpSpanExporter}. */
export interface OtlpSpanExporterOptions {
  /** Endpoint URL, for the exporter's self-metrics. */
  url: string;
  /** The signing transport. */
  transport: IExporterTransport;
  /** Time one export may take, in ms. */
  timeoutMillis: number;
  /** Exports in flight at once; beyond it an export fails at once. */
  concurrencyLimit: number;
}

/** An OTLP/protobuf span exporter that sends through `transport`. */
export function createOtlpSpanExporter(
  options: OtlpSpanExporterOptions,
): OTLPExporterBase<ReadableSpan[]> {
  const delegate = createOtlpNetworkExportDelegate(
    {
      timeoutMillis: options.timeoutMillis,
      concurrencyLimit: options.concurrencyLimit,
      compression: 'none',
    },
    ProtobufTraceSerializer,
    createOtlpHttpExporterMetrics(
      'otlp_http_span_exporter',
      TraceExporterMetricsHelper,
      options.url,
      undefined,
    ),
    options.transport,
  );
  return new OTLPExporterBase(delegate);
}
