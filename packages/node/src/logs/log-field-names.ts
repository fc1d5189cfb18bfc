/**
 * Field names the correlation writes into log records.
 *
 * `AWS-XRAY-TRACE-ID` follows the X-Ray SDKs' log integrations (the SDK for Java's
 * `SLF4JSegmentListener` / `Log4JSegmentListener` put `<trace id>@<entity id>` under this MDC key),
 * so a line can be pasted into the X-Ray console and CloudWatch Logs can find it by trace ID.
 * `trace_id`, `span_id` and `trace_flags` are the W3C fields OpenTelemetry's pino and winston
 * instrumentations write, for other backends.
 */
export const LOG_FIELDS = {
  /** `1-5759e988-bd862e3fe1be46a994272793@53995c3f42cd8ad8`: X-Ray trace ID `@` segment/subsegment ID. */
  xrayTraceId: 'AWS-XRAY-TRACE-ID',
  /** 32 lowercase hex digits (W3C trace-id). */
  traceId: 'trace_id',
  /** 16 lowercase hex digits (W3C parent-id; the X-Ray segment/subsegment ID). */
  spanId: 'span_id',
  /** Two hex digits (W3C trace-flags; `01` = sampled). */
  traceFlags: 'trace_flags',
} as const;
