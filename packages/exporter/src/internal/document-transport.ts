/**
 * Carries serialised segment documents somewhere. `send` never rejects: it reports, per document,
 * whether it was delivered, and counts its own errors, retries and requests in the shared stats.
 */
export interface DocumentTransport {
  /** Largest document the transport can carry, in bytes. */
  readonly maxDocumentBytes: number;
  /** Documents per `send` call. */
  readonly maxBatchDocuments: number;
  /** Upper bound of the summed `cost` of one batch. */
  readonly maxBatchCost: number;
  /** `send` calls that may run at once. */
  readonly concurrency: number;
  /** What one document adds to a request, in the unit of `maxBatchCost`. */
  cost(json: string): number;
  /** Sends one batch; resolves with one delivered flag per document, in order. */
  send(documents: readonly string[]): Promise<readonly boolean[]>;
  /** Releases sockets and aborts waits; idempotent. */
  shutdown(): Promise<void>;
}
