// PutTraceSegments (spec/xray-protocol.md §5.2, §4.8): batches of ≤ 50 documents, per-document
// rejections in UnprocessedTraceSegments. The SDK's own retries are off (maxAttempts 1) so that every
// retry is ours: bounded, jittered, counted.
import { diag } from '@opentelemetry/api';
import { PutTraceSegmentsCommand } from '@aws-sdk/client-xray';
import type { XRayClient } from '@aws-sdk/client-xray';
import type { ExporterStats } from '../types.ts';
import { describeError, isRetryableError, isRetryableUnprocessed } from './api-errors.ts';
import { backoffDelay, sleep } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { DocumentTransport } from './document-transport.ts';

/** Documents per PutTraceSegments call used by the daemon and the collector. */
const MAX_API_BATCH = 50;
/** X-Ray's document limit. */
const MAX_API_DOCUMENT_BYTES = 64 * 1024;
/** `{"TraceSegmentDocuments":[` … `]}` */
const BODY_OVERHEAD = 32;

/** Options of {@link createApiTransport}. */
export interface ApiTransportOptions extends BackoffPolicy {
  /** The client; its `maxAttempts` should be 1. */
  client: XRayClient;
  /** Shared counters. */
  stats: ExporterStats;
  /** Documents per call, ≤ 50. */
  maxBatchDocuments: number;
  /** Request body bound in bytes. */
  maxRequestBytes: number;
  /** Timeout of one call in ms. */
  timeoutMillis: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Jitter source, [0, 1). */
  random?: () => number;
}

function documentId(json: string): string | undefined {
  try {
    const id = (JSON.parse(json) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A transport that calls PutTraceSegments, retrying throttling, 5xx and retryable unprocessed documents. */
export function createApiTransport(options: ApiTransportOptions): DocumentTransport {
  const { client, stats, timeoutMillis } = options;
  const random = options.random ?? Math.random;
  const stopping = new AbortController();
  let lastWarning = '';

  const warn = (text: string): void => {
    if (text === lastWarning) return;
    lastWarning = text;
    diag.warn(`XRaySpanExporter: PutTraceSegments ${text}`);
  };

  /** One call; returns the indexes (into `pending`) to retry, or undefined when nothing may be retried. */
  const attempt = async (documents: readonly string[], pending: number[], delivered: boolean[]) => {
    stats.requests += 1;
    try {
      const output = await client.send(
        new PutTraceSegmentsCommand({
          TraceSegmentDocuments: pending.map((i) => documents[i] ?? ''),
        }),
        { abortSignal: AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMillis)]) },
      );
      const unprocessed = output.UnprocessedTraceSegments ?? [];
      stats.unprocessed += unprocessed.length;
      const retryIds = new Set<string | undefined>();
      const lostIds = new Set<string | undefined>();
      for (const item of unprocessed) {
        (isRetryableUnprocessed(item.ErrorCode) ? retryIds : lostIds).add(item.Id);
        warn(`rejected a document: ${item.ErrorCode ?? 'unknown'} ${item.Message ?? ''}`.trim());
      }
      const retry: number[] = [];
      for (const index of pending) {
        const id = unprocessed.length === 0 ? undefined : documentId(documents[index] ?? '');
        if (id !== undefined && retryIds.has(id)) retry.push(index);
        else if (id === undefined || !lostIds.has(id)) delivered[index] = true;
      }
      return retry;
    } catch (error) {
      stats.sendErrors += 1;
      warn(`failed: ${describeError(error)}`);
      return isRetryableError(error) ? pending : undefined;
    }
  };

  return {
    maxDocumentBytes: MAX_API_DOCUMENT_BYTES,
    maxBatchDocuments: Math.min(options.maxBatchDocuments, MAX_API_BATCH),
    maxBatchCost: options.maxRequestBytes - BODY_OVERHEAD,
    concurrency: options.concurrency,
    // Each document travels as a JSON string inside the body: escaped, quoted, comma-separated.
    cost: (json) => Buffer.byteLength(JSON.stringify(json), 'utf8') + 1,
    async send(documents) {
      const delivered = documents.map(() => false);
      let pending = documents.map((_, index) => index);
      for (let tries = 1; pending.length > 0 && !stopping.signal.aborted; tries += 1) {
        const retry = await attempt(documents, pending, delivered);
        if (retry === undefined || retry.length === 0 || tries >= options.maxAttempts) break;
        stats.retries += 1;
        await sleep(backoffDelay(tries, options, random), stopping.signal);
        pending = retry;
      }
      return delivered;
    },
    shutdown() {
      if (!stopping.signal.aborted) {
        stopping.abort();
        client.destroy();
      }
      return Promise.resolve();
    },
  };
}
