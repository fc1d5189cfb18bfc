// Emits log records through the real OpenTelemetry logs SDK and exporters, and reads them back.
import { ROOT_CONTEXT, SeverityNumber, trace, TraceFlags } from '@opentelemetry/api';
import { OTLPLogExporter as HttpJsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { newSegmentId, newTraceId, traceIdToW3C } from '@otel-xray/core';

/** One line to emit; `segmentId` makes it belong to that span of the trace. */
export interface TestLine {
  message: unknown;
  severity?: SeverityNumber;
  severityText?: string;
  attributes?: Record<string, string | number | boolean>;
  traceId?: string;
  segmentId?: string;
  timeMs?: number;
}

/** Sends `lines` as one batch through the SDK's proto or JSON exporter; resolves when sent. */
export async function emitLogs(
  endpoint: string,
  service: string,
  lines: readonly TestLine[],
  encoding: 'proto' | 'json' = 'proto',
  compression: 'gzip' | 'none' = 'none',
): Promise<void> {
  const url = `${endpoint}/v1/logs`;
  const exporter =
    encoding === 'proto'
      ? new ProtoLogExporter({ url, compression: compression as never })
      : new HttpJsonLogExporter({ url, compression: compression as never });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    processors: [new BatchLogRecordProcessor({ exporter, maxExportBatchSize: 512 })],
  });
  const logger = provider.getLogger('test-logger');
  for (const line of lines) {
    const w3c = line.traceId === undefined ? undefined : traceIdToW3C(line.traceId);
    const context =
      w3c === undefined
        ? ROOT_CONTEXT
        : trace.setSpanContext(ROOT_CONTEXT, {
            traceId: w3c,
            spanId: line.segmentId ?? newSegmentId(),
            traceFlags: TraceFlags.SAMPLED,
          });
    logger.emit({
      body: line.message,
      severityNumber: line.severity ?? SeverityNumber.INFO,
      ...(line.severityText === undefined ? {} : { severityText: line.severityText }),
      ...(line.attributes === undefined ? {} : { attributes: line.attributes }),
      ...(line.timeMs === undefined ? {} : { timestamp: line.timeMs }),
      context,
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
}

/** A fresh X-Ray trace ID and segment ID. */
export function newIds(): { traceId: string; segmentId: string } {
  return { traceId: newTraceId(), segmentId: newSegmentId() };
}

/** The `/_local/logs` answer for a trace. */
export interface LogsAnswer {
  traceId: string;
  logs: Array<Record<string, unknown> & { message: string; time: number }>;
  truncated: boolean;
}

/** GET /_local/logs with the given query. */
export async function queryLogs(
  endpoint: string,
  query: Record<string, string>,
): Promise<{ status: number; body: LogsAnswer & Record<string, unknown> }> {
  const res = await fetch(`${endpoint}/_local/logs?${new URLSearchParams(query).toString()}`);
  return { status: res.status, body: (await res.json()) as LogsAnswer & Record<string, unknown> };
}
