/** Counters of a running local X-Ray (`handle.stats()`, `GET /_local/stats`). */
export interface LocalXRayStats {
  /** UDP datagrams received. */
  datagramsReceived: number;
  /** UDP datagrams dropped before document validation (no LF, bad header, empty body). */
  datagramsRejected: number;
  /** UDP datagrams dropped because the ingest queue was over its byte budget (`--max-queue-bytes`). */
  datagramsDropped: number;
  /** Bytes queued now between receiving and storing (UDP batches and HTTP bodies). */
  queuedBytes: number;
  /** Documents accepted into the store (any transport). */
  documentsAccepted: number;
  /** Documents refused by validation (any transport). */
  documentsRejected: number;
  /** OTLP spans received over `/v1/traces`. */
  otlpSpansReceived: number;
  /** OTLP log records received over `/v1/logs`. */
  logRecordsReceived: number;
  /** Log records refused (malformed trace or span ID, oversized attributes). */
  logRecordsRejected: number;
  /** Log lines dropped, oldest first, because the log store was full (`--max-log-records`). */
  logRecordsDropped: number;
  /** Log lines currently stored. */
  logRecords: number;
  /** HTTP requests answered. */
  httpRequests: number;
  /** HTTP requests answered with an error status. */
  httpErrors: number;
  /** HTTP requests refused before routing: foreign Origin or Host, cross-site content type (403), over the in-flight byte budget (503). */
  httpRefused: number;
  /** Stored documents that could not be read back (damaged `--data` rows), skipped. */
  documentsDamaged: number;
  /** Traces evicted because the store was full. */
  tracesEvicted: number;
  /** Traces dropped by retention. */
  tracesExpired: number;
  /** Traces currently stored. */
  tracesStored: number;
  /** Stored traces whose query facts are not computed yet (computed when ingest is idle). */
  tracesPendingAnalysis: number;
}

/** A zeroed counter set. */
export function emptyStats(): LocalXRayStats {
  return {
    datagramsReceived: 0,
    datagramsRejected: 0,
    datagramsDropped: 0,
    queuedBytes: 0,
    documentsAccepted: 0,
    documentsRejected: 0,
    otlpSpansReceived: 0,
    logRecordsReceived: 0,
    logRecordsRejected: 0,
    logRecordsDropped: 0,
    logRecords: 0,
    httpRequests: 0,
    httpErrors: 0,
    httpRefused: 0,
    documentsDamaged: 0,
    tracesEvicted: 0,
    tracesExpired: 0,
    tracesStored: 0,
    tracesPendingAnalysis: 0,
  };
}
