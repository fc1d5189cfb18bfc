/** One log line of a trace, as the local X-Ray's `GET /_local/logs` answers it. */
export interface TraceLogLine {
  /** Unix seconds (microsecond precision). */
  time: number;
  /** The writing service (`service.name`). */
  service: string;
  /** `trace`, `debug`, `info`, `warn`, `error`, `fatal` or `unspecified`. */
  level: string;
  /** OTLP severity number (0–24). */
  severityNumber: number;
  /** The message (a non-string body as JSON text). */
  message: string;
  /** X-Ray trace ID. */
  traceId?: string;
  /** The segment or subsegment that was active when the line was written (16 hex). */
  segmentId?: string;
  /** Structured fields (order ID, SKU, `exception.*`, …). */
  attributes: Record<string, unknown>;
  /** Instrumentation scope name. */
  scope: string;
}
