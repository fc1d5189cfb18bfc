// Configuration and counters of XRaySpanExporter.
// Wire formats: /work/shared/spec/xray-protocol.md §3 (daemon), §5 (PutTraceSegments), §9 (OTLP).
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * How documents leave the process.
 * - `udp`: daemon protocol datagrams to the X-Ray daemon or a compatible collector (default).
 * - `api`: `PutTraceSegments` calls through `@aws-sdk/client-xray` (SigV4, default credential chain).
 * - `otlp`: spans as OTLP/protobuf to X-Ray's OTLP endpoint, SigV4-signed; no segment translation.
 */
export type XRayTransportName = 'udp' | 'api' | 'otlp';

/** Options of {@link XRaySpanExporter}. Every field is optional; bad values warn once and fall back. */
export interface XRayExporterConfig {
  /** Transport, default `udp`. */
  transport?: XRayTransportName;
  /**
   * Daemon address for `udp`: `host:port` or `udp:host:port tcp:host:port`.
   * `AWS_XRAY_DAEMON_ADDRESS` overrides it; default `127.0.0.1:2000`.
   */
  daemonAddress?: string;
  /**
   * `api`: X-Ray API endpoint, e.g. `http://127.0.0.1:2000`; when absent the SDK resolves it
   * (`AWS_ENDPOINT_URL_XRAY`, `AWS_ENDPOINT_URL`, then `https://xray.{region}.amazonaws.com`).
   * `otlp`: full OTLP URL; default `https://xray.{region}.amazonaws.com/v1/traces`.
   */
  endpoint?: string;
  /** AWS region for `api` and `otlp`; default `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the SDK's own resolution. */
  region?: string;
  /** Credentials for `api` and `otlp`; default the Node default credential chain. Never logged. */
  credentials?: AwsCredentialIdentityProvider;
  /** Documents (spans for `otlp`) waiting to be sent; when full the oldest is dropped and counted. Default 2048. */
  maxQueueSize?: number;
  /** Documents per `PutTraceSegments` call, 1..50, default 50. */
  maxBatchSize?: number;
  /** Upper bound of one `PutTraceSegments` request body in bytes, default 2 MiB. */
  maxRequestBytes?: number;
  /** Largest document before shrinking, in bytes; clamped to 256..the transport's limit (64 KB). */
  maxDocumentBytes?: number;
  /** Attempts per batch for `api` and `otlp` (first try included), 1..10, default 3. */
  maxAttempts?: number;
  /** First retry delay ceiling in ms (full jitter, doubled per attempt), default 100. */
  initialBackoffMillis?: number;
  /** Largest retry delay ceiling in ms, default 2000. */
  maxBackoffMillis?: number;
  /** Timeout of one network request in ms, default 5000. */
  timeoutMillis?: number;
  /** Batches in flight at once for `api` and `otlp`, 1..16, default 2. */
  concurrencyLimit?: number;
  /** Time `forceFlush()` and `shutdown()` wait for pending documents, in ms, default 5000. */
  flushTimeoutMillis?: number;
  /** Period of the counters report through `diag`, in ms; 0 reports only at shutdown. Default 60000. */
  statsIntervalMillis?: number;
  /** Span attribute keys recorded as annotations (indexed) instead of metadata. */
  indexedAttributes?: string[];
  /** Record every scalar span attribute as an annotation. */
  indexAllAttributes?: boolean;
  /** Keep `.` in annotation keys (default true, the collector's `exporter.xray.allowDot` gate). */
  allowDotInAnnotationKeys?: boolean;
  /** CloudWatch log group names written to `aws.cloudwatch_logs`. */
  logGroupNames?: string[];
}

/**
 * Counters of one exporter, monotonic since construction. For `otlp`, "documents" are spans.
 */
export interface ExporterStats {
  /** Spans passed to `export()`. */
  spansReceived: number;
  /** Spans whose translation failed (dropped). */
  translateErrors: number;
  /** Documents produced by translation. */
  documentsTranslated: number;
  /** Documents over the size limit that were shrunk and sent. */
  documentsShrunk: number;
  /** Documents still too large after every shrink step (dropped). */
  documentsDroppedTooLarge: number;
  /** Oldest documents dropped because the queue was full. */
  documentsDroppedQueueFull: number;
  /** Documents dropped because `shutdown()` timed out before they were sent. */
  documentsDroppedShutdown: number;
  /** Documents accepted by the socket (`udp`) or the service (`api`, `otlp`). */
  documentsSent: number;
  /** Documents given up after errors or retries. */
  documentsFailed: number;
  /** Failed send attempts: socket errors (incl. ICMP refusals from a dead daemon), failed calls. */
  sendErrors: number;
  /** Documents returned in `UnprocessedTraceSegments`. */
  unprocessed: number;
  /** Retries made (each re-sent call counts once). */
  retries: number;
  /** Datagrams or requests sent. */
  requests: number;
}
