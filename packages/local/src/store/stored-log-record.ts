/** A JSON value as log attributes hold it after ingest (bigints as strings, bytes as base64). */
export type LogJson = string | number | boolean | null | LogJson[] | { [key: string]: LogJson };

/**
 * One stored log line, as `GET /_local/logs` answers it (plus `seq`). Built from an OTLP
 * `LogRecord` by otlp-to-log-records.ts.
 */
export interface StoredLogRecord {
  /** Arrival order, from 1; the `--data` row ID. */
  seq: number;
  /** Unix seconds (microsecond precision): `timeUnixNano`, else `observedTimeUnixNano`, else arrival. */
  time: number;
  /** Resource `service.name`; `unknown_service` when absent. */
  service: string;
  /** `severityText` lowercased, else derived from `severityNumber`, else `unspecified`. */
  level: string;
  /** OTLP `SeverityNumber` (0–24). */
  severityNumber: number;
  /** The body: a string as sent, any other value as JSON text. */
  message: string;
  /** X-Ray trace ID `1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx`; absent when the record has none. */
  traceId?: string;
  /** The span ID as 16 hex: the segment or subsegment that was active; absent when none. */
  segmentId?: string;
  /** Log record attributes (order ID, SKU, exception fields…). */
  attributes: Record<string, LogJson>;
  /** Instrumentation scope name ('' when absent). */
  scope: string;
}
