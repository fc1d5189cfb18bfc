// Unsigned JSON POSTs to `/GetSamplingRules` and `/SamplingTargets`, as the X-Ray SDKs send them to
// the daemon's TCP proxy (spec §3.5); `@otel-xray/local` accepts the same. Runs under
// `suppressTracing` so HTTP instrumentation does not trace the sampler's own calls.
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
    const response = await context.with(suppressTracing(context.active()), () =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
    const text = await response.text();
    if (!response.ok)
      throw new Error(`POST ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
  return {
    getSamplingRules: (input) => post<GetSamplingRulesResponse>('/GetSamplingRules', input),
    getSamplingTargets: (input: GetSamplingTargetsRequest) =>
      post<GetSamplingTargetsResponse>('/SamplingTargets', input),
  };
}
