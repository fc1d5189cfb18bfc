import { invalidRequest } from '../../errors.ts';
import type { TraceMatcher } from '../../query/find-summaries.ts';
import type { GraphSamples } from '../../query/graph-samples.ts';
import { buildServiceGraph } from '../../query/service-graph.ts';
import { inWindow, type TimeWindow } from '../../query/time-range.ts';
import { timeSeries } from '../../query/time-series.ts';
import { integer, text, timestamp, type Body } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/**
 * GetServiceGraph and GetTimeSeriesServiceStatistics. Both answer from every document received
 * before the request (`ctx.settle`), each trace analysed now if its analysis is not current.
 */
export function graphRoutes(ctx: ServerContext): Array<[string, Route]> {
  return [
    ['/ServiceGraph', (body) => getServiceGraph(ctx, body)],
    ['/TimeSeriesServiceStatistics', (body) => getTimeSeries(ctx, body)],
  ];
}

function window(body: Body): TimeWindow {
  const start = timestamp(body, 'StartTime', true);
  const end = timestamp(body, 'EndTime', true);
  if (end <= start) throw invalidRequest('EndTime must be after StartTime');
  return { start, end };
}

/** The group's filter (GroupName/GroupARN), applied before anything else. */
function groupMatcher(ctx: ServerContext, body: Body): TraceMatcher | undefined {
  const name = text(body, 'GroupName', { min: 1, max: 32 });
  const arn = text(body, 'GroupARN', { min: 1, max: 400 });
  if (name === undefined && arn === undefined) return undefined;
  const group = ctx.groups.get(name, arn);
  const expression = group.FilterExpression;
  return expression === undefined || expression.trim() === ''
    ? undefined
    : ctx.compileFilter(expression, group.GroupName);
}

function graphsIn(
  ctx: ServerContext,
  w: TimeWindow,
  matcher: TraceMatcher | undefined,
): GraphSamples[] {
  const out: GraphSamples[] = [];
  for (const trace of ctx.store.traces()) {
    if (!inWindow(trace, w, 'Event')) continue;
    const analysis = ctx.index.analyse(trace);
    if (analysis === undefined || (matcher !== undefined && !matcher(analysis.facts))) continue;
    out.push(analysis.graph);
  }
  return out;
}

async function getServiceGraph(ctx: ServerContext, body: Body): Promise<unknown> {
  const w = window(body);
  const matcher = groupMatcher(ctx, body);
  await ctx.settle();
  return {
    StartTime: w.start,
    EndTime: w.end,
    Services: buildServiceGraph(graphsIn(ctx, w, matcher), w),
    ContainsOldGroupVersions: false,
  };
}

async function getTimeSeries(ctx: ServerContext, body: Body): Promise<unknown> {
  const w = window(body);
  const period = integer(body, 'Period', { min: 60 }) ?? 60;
  if (period % 60 !== 0) throw invalidRequest('Period must be a multiple of 60 seconds');
  const expression = text(body, 'EntitySelectorExpression', { min: 1, max: 500 });
  const selector = expression === undefined ? undefined : ctx.compileSelector(expression);
  const matcher = groupMatcher(ctx, body);
  await ctx.settle();
  return {
    TimeSeriesServiceStatistics: timeSeries(graphsIn(ctx, w, matcher), w, period, selector),
    ContainsOldGroupVersions: false,
  };
}
