// The slice of OTLP log data (opentelemetry-proto logs/v1) the decoders produce, independent of
// the wire encoding (protobuf or JSON).
import type { OtlpAttributes, OtlpValue } from './otlp-model.ts';

/** One decoded log record. IDs are lowercase hex ('' when absent); times are Unix nanoseconds. */
export interface OtlpLogRecord {
  /** When the event happened; 0 when unknown. */
  timeNs: bigint;
  /** When the SDK observed it; 0 when unknown. */
  observedNs: bigint;
  /** `SeverityNumber`: 0 unspecified, 1–24 trace … fatal4. */
  severityNumber: number;
  /** Severity as the logger wrote it (`INFO`, `error`), '' when absent. */
  severityText: string;
  /** The message: any `AnyValue` (usually a string). */
  body: OtlpValue;
  attributes: OtlpAttributes;
  /** 32 hex, or '' (or a wrong length, refused later). */
  traceId: string;
  /** 16 hex, or '' (or a wrong length, refused later). */
  spanId: string;
  /** Instrumentation scope name. */
  scope: string;
}

/** Log records of one resource. */
export interface OtlpResourceLogs {
  resource: OtlpAttributes;
  records: OtlpLogRecord[];
}

/** A record with every field at its empty value. */
export function emptyLogRecord(scope: string): OtlpLogRecord {
  return {
    timeNs: 0n,
    observedNs: 0n,
    severityNumber: 0,
    severityText: '',
    body: undefined,
    attributes: {},
    traceId: '',
    spanId: '',
    scope,
  };
}
