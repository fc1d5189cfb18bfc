/**
 * One accepted document as the store keeps it: the raw JSON string exactly as received (unknown
 * fields included) plus the few fields the store indexes. The parsed object is not kept; the query
 * layer re-parses when it analyses a trace.
 */
export interface StoredDocument {
  /** Trace ID (lowercase). */
  traceId: string;
  /** Segment or subsegment ID. */
  id: string;
  /** The document exactly as received. */
  raw: string;
  /** True for an independent subsegment (`type: "subsegment"`). */
  independent: boolean;
  /** `start_time`, epoch seconds. */
  startTime: number;
  /** `end_time`, epoch seconds; undefined while in progress. */
  endTime?: number;
  /** When the document arrived, epoch milliseconds. */
  receivedAt: number;
}
