// An OTLP IExporterTransport (the interface the OTel OTLP exporters send through) that signs each
// attempt anew and retries 429/502/503/504 and connection errors with bounded, jittered backoff.
import { diag } from '@opentelemetry/api';
import type { ExportResponse, IExporterTransport } from '@opentelemetry/otlp-exporter-base';
import type { ExporterStats } from '../types.ts';
import { describeError, isRetryableError } from './api-errors.ts';
import { backoffDelay, sleep } from './backoff.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { PostResponse, SignedPost } from './signed-post.ts';

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Options of {@link createOtlpSigningTransport}. */
export interface OtlpSigningTransportOptions extends BackoffPolicy {
  /** Signs and posts one body. */
  post: SignedPost;
  /** Shared counters. */
  stats: ExporterStats;
  /** Jitter source, [0, 1). */
  random?: () => number;
}

function classify(response: PostResponse): ExportResponse {
  if (response.status >= 200 && response.status < 300)
    return { status: 'success', data: response.body };
  const error = new Error(`OTLP endpoint answered HTTP ${response.status}`);
  if (!RETRYABLE_STATUS.has(response.status)) return { status: 'failure', error };
  return response.retryAfterMillis === undefined
    ? { status: 'retryable', error }
    : { status: 'retryable', error, retryInMillis: response.retryAfterMillis };
}

/** The transport; `shutdown()` aborts requests and waits in flight. */
export function createOtlpSigningTransport(
  options: OtlpSigningTransportOptions,
): IExporterTransport {
  const { post, stats } = options;
  const random = options.random ?? Math.random;
  const stopping = new AbortController();

  const once = async (data: Uint8Array, timeoutMillis: number): Promise<ExportResponse> => {
    stats.requests += 1;
    try {
      const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(timeoutMillis)]);
      return classify(await post(data, 'application/x-protobuf', signal));
    } catch (error) {
      const wrapped = new Error(`OTLP request failed: ${describeError(error)}`);
      return isRetryableError(error)
        ? { status: 'retryable', error: wrapped }
        : { status: 'failure', error: wrapped };
    }
  };

  return {
    async send(data, timeoutMillis) {
      for (let tries = 1; ; tries += 1) {
        const response = await once(data, timeoutMillis);
        if (response.status === 'success') return response;
        stats.sendErrors += 1;
        if (
          response.status === 'failure' ||
          tries >= options.maxAttempts ||
          stopping.signal.aborted
        ) {
          diag.warn(`XRaySpanExporter: ${response.error?.message ?? 'OTLP export failed'}`);
          return response;
        }
        stats.retries += 1;
        const delay = backoffDelay(tries, options, random);
        const wait = Math.min(
          Math.max(delay, response.retryInMillis ?? 0),
          options.maxBackoffMillis,
        );
        await sleep(wait, stopping.signal);
      }
    },
    shutdown() {
      stopping.abort();
    },
  };
}
