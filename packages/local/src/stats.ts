/** Counters of a running local X-Ray (`handle.stats()`, `GET /_local/stats`). */
export interface LocalXRayStats {
  /** UDP datagrams received. */
  datagramsReceived: number;
  /** UDP datagrams dropped before document validation (no LF, bad header, empty body). */
  datagramsRejected: number;
  /** Documents accepted into the store (any transport). */
  documentsAccepted: number;
  /** Documents refused by validation (any transport). */
  documentsRejected: number;
  /** OTLP spans received over `/v1/traces`. */
  otlpSpansReceived: number;
  /** HTTP requests answered. */
  httpRequests: number;
  /** HTTP requests answered with an error status. */
  httpErrors: number;
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
    documentsAccepted: 0,
    documentsRejected: 0,
    otlpSpansReceived: 0,
    httpRequests: 0,
    httpErrors: 0,
    tracesEvicted: 0,
    tracesExpired: 0,
    tracesStored: 0,
    tracesPendingAnalysis: 0,
  };
}
