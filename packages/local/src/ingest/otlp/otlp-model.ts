// The slice of OTLP trace data (opentelemetry-proto trace/v1) the decoders produce, independent of
// the wire encoding (protobuf or JSON).

/** Attribute values after decoding: scalars, arrays, nested objects (kvlist), bytes. */
export type OtlpValue =
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | OtlpValue[]
  | { [key: string]: OtlpValue }
  | undefined;

/** An attribute map. */
export type OtlpAttributes = Record<string, OtlpValue>;

/** One decoded span. IDs are lowercase hex; times are Unix nanoseconds. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP `SpanKind`: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: OtlpAttributes;
  events: Array<{ timeNs: bigint; name: string; attributes: OtlpAttributes }>;
  links: Array<{ traceId: string; spanId: string; attributes: OtlpAttributes }>;
  /** 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  scope: { name: string; version?: string };
}

/** Spans of one resource. */
export interface OtlpResourceSpans {
  resource: OtlpAttributes;
  spans: OtlpSpan[];
}
