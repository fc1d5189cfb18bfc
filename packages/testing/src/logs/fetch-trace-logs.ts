// Reads a trace's log lines from a local X-Ray (`GET /_local/logs`). Real X-Ray keeps no logs:
// there they live in CloudWatch Logs, found by the trace ID each line carries.
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { TraceLogLine } from './trace-log-line.ts';

/** Options of {@link fetchTraceLogs}. */
export interface FetchTraceLogsOptions {
  /** Only lines whose message contains this text (case-insensitive). */
  q?: string;
  /** At most this many lines (the earliest), 1–10 000. Default 1 000. */
  limit?: number;
}

/** The answer of {@link fetchTraceLogs}. */
export interface TraceLogs {
  traceId: string;
  /** Time ascending. */
  logs: TraceLogLine[];
  /** More lines matched than `limit`. */
  truncated: boolean;
}

/**
 * The log lines of trace `traceId` (X-Ray or 32-hex form) held by the local X-Ray at `endpoint`
 * (`http://127.0.0.1:2000`), time ascending. Rejects with the server's message on an error status.
 * @example
 * const { logs } = await fetchTraceLogs(xray.endpoint, trace.id);
 */
export async function fetchTraceLogs(
  endpoint: string,
  traceId: string,
  options: FetchTraceLogsOptions = {},
): Promise<TraceLogs> {
  const url = new URL('/_local/logs', endpoint);
  url.searchParams.set('traceId', traceId);
  if (options.q !== undefined) url.searchParams.set('q', options.q);
  if (options.limit !== undefined) url.searchParams.set('limit', String(options.limit));
  // Our own request must not become a span of the trace under test.
  const response = await context.with(suppressTracing(context.active()), () => fetch(url));
  const text = await response.text();
  if (!response.ok)
    throw new Error(`GET ${url.pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as TraceLogs;
}
