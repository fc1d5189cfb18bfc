// Input and option types of the span → segment translation (spec/translation.md).
// Structural on purpose: `ReadableSpan` from @opentelemetry/sdk-trace-base 2.x (and 1.x) is assignable,
// and the local X-Ray server can build these from OTLP wire data without the SDK.

/** Seconds and nanoseconds since the Unix epoch, as OpenTelemetry's `HrTime`. */
export type TranslatableHrTime = readonly [number, number];

/**
 * An attribute map. Values are OpenTelemetry attribute values (string, number, boolean, arrays of them);
 * OTLP-decoded spans may also carry `bigint`, `Uint8Array` (bytes) and nested plain objects (kvlist).
 */
export type TranslatableAttributes = Readonly<Record<string, unknown>>;

/** The identity of a span, as OpenTelemetry's `SpanContext`. */
export interface TranslatableSpanContext {
  /** 32 hex digits. */
  readonly traceId: string;
  /** 16 hex digits. */
  readonly spanId: string;
}

/** A timed span event (`exception`, `HTTP request failure`, …). */
export interface TranslatableEvent {
  readonly name: string;
  readonly time: TranslatableHrTime;
  readonly attributes?: TranslatableAttributes | undefined;
}

/** A span link. */
export interface TranslatableLink {
  readonly context: TranslatableSpanContext;
  readonly attributes?: TranslatableAttributes | undefined;
}

/**
 * The subset of `ReadableSpan` that translation reads.
 * `kind` is the numeric `SpanKind` (0 INTERNAL, 1 SERVER, 2 CLIENT, 3 PRODUCER, 4 CONSUMER);
 * `status.code` the numeric `SpanStatusCode` (0 UNSET, 1 OK, 2 ERROR).
 */
export interface TranslatableSpan {
  readonly name: string;
  readonly kind: number;
  readonly spanContext: () => TranslatableSpanContext;
  /** SDK 2.x: the parent's context; absent or with an all-zero span id for roots. */
  readonly parentSpanContext?: TranslatableSpanContext | undefined;
  /** SDK 1.x: the parent's span id. Read when `parentSpanContext` is absent. */
  readonly parentSpanId?: string | undefined;
  readonly startTime: TranslatableHrTime;
  readonly endTime: TranslatableHrTime;
  readonly status: { readonly code: number; readonly message?: string | undefined };
  readonly attributes: TranslatableAttributes;
  readonly events: readonly TranslatableEvent[];
  readonly links: readonly TranslatableLink[];
  /** Keep one resource object per process (or per OTLP resource): derived data is cached on it. */
  readonly resource: { readonly attributes: TranslatableAttributes };
  /** Not read today; listed so the shape documents what a span carries. */
  readonly instrumentationScope?: { readonly name: string; readonly version?: string | undefined };
}

/** Options of the awsxrayexporter that change documents (`indexed_attributes`, …). */
export interface TranslateOptions {
  /** Attribute keys written as annotations (resource attributes as `otel.resource.<key>`). */
  indexedAttributes?: string[];
  /** Write every scalar attribute as an annotation (and drop the others). */
  indexAllAttributes?: boolean;
  /**
   * Keep `.` in annotation keys (default true), as the collector's `exporter.xray.allowDot` feature
   * gate (beta, on); false turns every `.` into `_`, as the collector with the gate off.
   */
  allowDotInAnnotationKeys?: boolean;
  /** CloudWatch log group names used when the resource names none. */
  logGroupNames?: string[];
  /**
   * Refuse spans whose trace-id timestamp X-Ray would reject (older than 30 days or over 5 minutes
   * ahead) and drop such links — the collector with its `skipTimestampValidation` gate off. Default
   * false, the collector's default: random W3C trace ids carry no timestamp.
   */
  validateTraceIdTimestamp?: boolean;
}

/** Injected effects, for deterministic tests. */
export interface TranslateDeps {
  /** A new random 16-hex id (exception ids, the synthetic service segment id of §1.2). */
  randomId?: () => string;
  /** The clock (epoch milliseconds) for `validateTraceIdTimestamp`; `Date.now` by default. */
  now?: () => number;
}

/** Why a span was not translated, or what was changed to keep a document valid. */
export interface TranslationProblem {
  /** Stable code, e.g. `invalid-trace-id`, `end-before-start`, `link-dropped`, `document-truncated`. */
  code: string;
  /** Human-readable detail. */
  message: string;
  /** True when the span produced no documents. */
  fatal: boolean;
}
