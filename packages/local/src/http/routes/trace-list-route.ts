import { invalidRequest } from '../../errors.ts';
import { listTraces, type ListSortKey } from '../../query/trace-list.ts';
import type { StoredTrace } from '../../store/stored-trace.ts';
import { flag, integer, text, timestamp, type Body } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** The most rows one list request returns (the UI grows its page 100 rows at a time). */
export const MAX_LIST_ROWS = 5000;

const SORT_KEYS: readonly ListSortKey[] = ['time', 'duration', 'response', 'status'];

/**
 * `POST /_local/TraceList`: the console's list in one request — total, one sorted page, annotation
 * keys, newest IDs, the shown trace's summary and (with `Points`) the analytics columns, only of
 * traces changed after `ChangedSince` (epoch ms; `Now` in the answer is the next one to ask with).
 * Local only: X-Ray has no such operation (query/trace-list.ts).
 */
export function traceListRoute(ctx: ServerContext): [string, Route] {
  return ['/_local/TraceList', (body) => traceList(ctx, body)];
}

function sortOf(body: Body): { key: ListSortKey; dir: 'asc' | 'desc' } {
  const raw = text(body, 'Sort') ?? 'time.desc';
  const m = /^([a-z]+)\.(asc|desc)$/.exec(raw);
  const key = SORT_KEYS.find((k) => k === m?.[1]);
  if (m === null || key === undefined)
    throw invalidRequest(
      `Invalid Sort: ${raw} (expected time, duration, response or status, .asc or .desc)`,
    );
  return { key, dir: m[2] === 'asc' ? 'asc' : 'desc' };
}

async function traceList(ctx: ServerContext, body: Body): Promise<unknown> {
  const start = timestamp(body, 'StartTime', true);
  const end = timestamp(body, 'EndTime', true);
  if (end <= start) throw invalidRequest('EndTime must be after StartTime');
  const sort = sortOf(body);
  const offset = integer(body, 'Offset', { min: 0 }) ?? 0;
  const limit = integer(body, 'Limit', { min: 1, max: MAX_LIST_ROWS }) ?? 100;
  const newest = integer(body, 'Newest', { min: 0, max: 100 }) ?? 0;
  const pin = text(body, 'Pin', { min: 1, max: 35 });
  const changedSince = integer(body, 'ChangedSince', { min: 0 });
  const expression = text(body, 'FilterExpression');
  const matcher =
    expression === undefined || expression.trim() === ''
      ? undefined
      : ctx.compileFilter(expression);
  await ctx.settle();
  // Read after the barrier: a document stored later has a later receive time than this.
  const now = ctx.now();
  const candidates = ctx.index.candidates(matcher?.ast);
  const page = listTraces(
    {
      traces: candidates ?? ctx.store.traces(),
      analyse: (t: StoredTrace) => ctx.index.analyse(t),
    },
    {
      window: { start, end },
      ...(matcher === undefined ? {} : { matcher }),
      sort,
      offset,
      limit,
      newest,
      ...(pin === undefined ? {} : { pin }),
      points: flag(body, 'Points') === true,
      ...(changedSince === undefined ? {} : { changedSince }),
    },
  );
  return { ...page, Now: now };
}
