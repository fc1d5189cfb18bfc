import { parseTraceId, traceIdFromW3C } from '@otel-xray/core';
import { invalidRequest } from '../../errors.ts';
import {
  DEFAULT_LOG_LIMIT,
  MAX_LOG_LIMIT,
  traceLogs,
  type TraceLogs,
} from '../../query/trace-logs.ts';
import type { ServerContext } from '../server-context.ts';

/**
 * `GET /_local/logs?traceId=…[&q=…][&limit=N]`: a trace's log lines, time ascending. `traceId` is
 * an X-Ray trace ID or its 32-hex W3C form; a missing or malformed one, or a `limit` outside
 * 1–10,000, is an `InvalidRequestException`. Waits for pending ingest like the trace reads.
 */
export async function logsQuery(ctx: ServerContext, url: string): Promise<TraceLogs> {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const given = params.get('traceId') ?? '';
  const parsed = parseTraceId(given);
  const traceId = parsed.ok ? parsed.value.traceId : traceIdFromW3C(given);
  if (traceId === undefined)
    throw invalidRequest(
      given === ''
        ? 'traceId is required (an X-Ray trace ID 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx or 32 hex)'
        : `Invalid traceId: ${given.slice(0, 64)}`,
    );
  const rawLimit = params.get('limit');
  const limit = rawLimit === null ? DEFAULT_LOG_LIMIT : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LIMIT)
    throw invalidRequest(`limit must be an integer from 1 to ${MAX_LOG_LIMIT}`);
  const q = params.get('q') ?? '';
  await ctx.settle();
  return traceLogs(traceId, ctx.logStore.forTrace(traceId), { q, limit });
}
