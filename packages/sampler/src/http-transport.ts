// Unsigned JSON POSTs to `/GetSamplingRules` and `/SamplingTargets`, as the X-Ray SDKs send them to
// the daemon's TCP proxy (spec §3.5); `@otel-xray/local` accepts the same. Runs under
// `suppressTracing` so HTTP instrumentation does not trace the sampler's own calls. node:http, not
// `fetch`: the first `fetch` in a process loads undici (≈ 40 ms of start-up), and an app's start-up
// is exactly when the first rules are fetched.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type {
  GetSamplingRulesResponse,
  GetSamplingTargetsRequest,
  GetSamplingTargetsResponse,
  SamplingTransport,
} from './types.ts';

/** Options of {@link httpSamplingTransport}. */
export interface HttpSamplingTransportOptions {
  /** Per-request timeout. Default 5000 ms. */
  timeoutMs?: number;
}

/**
 * A transport for the daemon's proxy, the collector's `awsproxy`, or `@otel-xray/local`.
 *
 * @param endpoint - base URL, e.g. `http://127.0.0.1:2000`
 * @example
 * const sampler = new XRaySampler({ transport: httpSamplingTransport('http://127.0.0.1:2000') });
 */
export function httpSamplingTransport(
  endpoint: string,
  options: HttpSamplingTransportOptions = {},
): SamplingTransport {
  const base = endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;
  async function post<T>(path: string, body: unknown): Promise<T> {
    const { status, text } = await context.with(suppressTracing(context.active()), () =>
      postJson(new URL(`${base}${path}`), JSON.stringify(body), timeoutMs),
    );
    if (status < 200 || status > 299)
      throw new Error(`POST ${path}: HTTP ${status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
  return {
    getSamplingRules: (input) => post<GetSamplingRulesResponse>('/GetSamplingRules', input),
    getSamplingTargets: (input: GetSamplingTargetsRequest) =>
      post<GetSamplingTargetsResponse>('/SamplingTargets', input),
  };
}

/** Largest response read: a page of 100 rules is a few tens of KB. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

function postJson(
  url: URL,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('response too large'));
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
