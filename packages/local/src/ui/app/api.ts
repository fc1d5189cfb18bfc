/// <reference lib="dom" />
// The UI's only network access: the X-Ray API on the same origin. Every operation is
// `POST /<Path>` with a JSON body; failures come back as values, never as exceptions.
import type {
  BatchGetTracesResult,
  ErrorBody,
  Group,
  GroupsResult,
  Service,
  ServiceGraphResult,
  Trace,
  TraceSummariesResult,
  TraceSummary,
} from '../lib/wire-types.ts';
import type { TraceLogsResult } from '../lib/log-lines.ts';

/** An AWS-style error (`__type`, `message`), or a network failure (`status` 0). */
export interface ApiError {
  type: string;
  message: string;
  status: number;
}

/** A call's outcome. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Pages followed at most for one list, so a huge store cannot stall the page. */
const MAX_PAGES = 5;

/** `body` undefined: a GET (the local `/_local/*` endpoints); else an X-Ray POST. */
async function call<T>(path: string, body: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(
      path,
      body === undefined
        ? { method: 'GET' }
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    const text = await res.text();
    const json = (text ? JSON.parse(text) : {}) as unknown;
    if (res.ok) return { ok: true, value: json as T };
    const err = json as ErrorBody;
    const type = (err.__type ?? res.headers.get('x-amzn-ErrorType') ?? 'Error').split('#').pop();
    return {
      ok: false,
      error: {
        type: type ?? 'Error',
        message: err.message ?? err.Message ?? res.statusText,
        status: res.status,
      },
    };
  } catch (e) {
    return { ok: false, error: { type: 'NetworkError', message: String(e), status: 0 } };
  }
}

async function paged<R extends { NextToken?: string }, I>(
  path: string,
  body: Record<string, unknown>,
  items: (r: R) => I[] | undefined,
): Promise<ApiResult<I[]>> {
  const all: I[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await call<R>(path, token === undefined ? body : { ...body, NextToken: token });
    if (!res.ok) return res;
    all.push(...(items(res.value) ?? []));
    token = res.value.NextToken;
    if (token === undefined) break;
  }
  return { ok: true, value: all };
}

/** GetServiceGraph over `[start, end)` (epoch seconds), of one group's traces when named. */
export function getServiceGraph(
  start: number,
  end: number,
  group?: string,
): Promise<ApiResult<Service[]>> {
  const body: Record<string, unknown> = { StartTime: start, EndTime: end };
  if (group !== undefined && group !== '') body.GroupName = group;
  return paged<ServiceGraphResult, Service>('/ServiceGraph', body, (r) => r.Services);
}

/** Every summary of a query, read page by page. */
export interface SummarySet {
  summaries: TraceSummary[];
  /** `false` when {@link MAX_SUMMARY_PAGES} were read and the API still had a `NextToken`. */
  complete: boolean;
}

/**
 * Pages of summaries read at most for one list: 1,000 pages of 100 traces. GetTraceSummaries has no
 * count, so the total is what the pages add up to.
 */
const MAX_SUMMARY_PAGES = 1000;

/**
 * GetTraceSummaries over `[start, end)`, with an optional filter expression: every page, so the
 * list knows the total and can sort the whole set. `onPage` sees the set after each page but the
 * last (the first rows show while the rest is read); return `false` from it to stop reading.
 */
export async function getTraceSummaries(
  start: number,
  end: number,
  filter: string,
  onPage?: (partial: SummarySet) => boolean,
): Promise<ApiResult<SummarySet>> {
  const body: Record<string, unknown> = { StartTime: start, EndTime: end };
  if (filter.trim() !== '') body.FilterExpression = filter.trim();
  const summaries: TraceSummary[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_SUMMARY_PAGES; page++) {
    const res = await call<TraceSummariesResult>(
      '/TraceSummaries',
      token === undefined ? body : { ...body, NextToken: token },
    );
    if (!res.ok) return res;
    summaries.push(...(res.value.TraceSummaries ?? []));
    token = res.value.NextToken;
    if (token === undefined) break;
    if (onPage?.({ summaries, complete: false }) === false) break;
  }
  return { ok: true, value: { summaries, complete: token === undefined } };
}

/** BatchGetTraces for one trace; `undefined` value when it is not (yet) assembled. */
export async function getTrace(id: string): Promise<ApiResult<Trace | undefined>> {
  const res = await call<BatchGetTracesResult>('/Traces', { TraceIds: [id] });
  if (!res.ok) return res;
  return { ok: true, value: res.value.Traces?.find((t) => t.Id === id) };
}

/** BatchGetTraces takes at most 5 IDs per call. */
const BATCH = 5;

/** BatchGetTraces for several traces, 5 per call; traces not found are left out. */
export async function getTraces(ids: readonly string[]): Promise<ApiResult<Trace[]>> {
  const traces: Trace[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const res = await call<BatchGetTracesResult>('/Traces', { TraceIds: ids.slice(i, i + BATCH) });
    if (!res.ok) return res;
    traces.push(...(res.value.Traces ?? []));
  }
  return { ok: true, value: traces };
}

/** Traces the local X-Ray holds now (`GET /_local/stats`, not an X-Ray API). */
export async function getStoredCount(): Promise<ApiResult<number | undefined>> {
  const res = await call<{ tracesStored?: number }>('/_local/stats', undefined);
  return res.ok ? { ok: true, value: res.value.tracesStored } : res;
}

/** GetGroups: every group, `Default` included. */
export function getGroups(): Promise<ApiResult<Group[]>> {
  return paged<GroupsResult, Group>('/Groups', {}, (r) => r.Groups);
}

/** Log lines of one trace (`GET /_local/logs`, not an X-Ray API), time ascending. */
export function getTraceLogs(traceId: string): Promise<ApiResult<TraceLogsResult>> {
  const query = new URLSearchParams({ traceId, limit: '10000' });
  return call<TraceLogsResult>(`/_local/logs?${query.toString()}`, undefined);
}
