import { invalidRequest } from '../../errors.ts';
import { buildServiceGraph } from '../../query/service-graph.ts';
import { findSummaries } from '../../query/find-summaries.ts';
import { traceDocuments } from '../../query/trace-documents.ts';
import type { GraphSamples } from '../../query/graph-samples.ts';
import type { StoredTrace } from '../../store/stored-trace.ts';
import { flag, list, struct, text, timestamp, type Body } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/**
 * PutTraceSegments, BatchGetTraces, GetTraceSummaries, GetTraceGraph, PutTelemetryRecords. The
 * reads answer from every document received before the request (`ctx.settle`).
 */
export function traceRoutes(ctx: ServerContext): Array<[string, Route]> {
  return [
    ['/TraceSegments', (body) => putTraceSegments(ctx, body)],
    ['/Traces', (body) => batchGetTraces(ctx, body)],
    ['/TraceSummaries', (body) => getTraceSummaries(ctx, body)],
    ['/TraceGraph', (body) => getTraceGraph(ctx, body)],
    ['/TelemetryRecords', (body) => (list(body, 'TelemetryRecords', true), {})],
  ];
}

function putTraceSegments(ctx: ServerContext, body: Body): unknown {
  const docs = list(body, 'TraceSegmentDocuments', true);
  if (docs.some((d) => typeof d !== 'string'))
    throw invalidRequest('TraceSegmentDocuments must be a list of strings');
  const unprocessed = ctx.ingestor.ingest(docs as string[]);
  return { UnprocessedTraceSegments: unprocessed };
}

function traceIds(body: Body, max: number): string[] {
  const ids = list(body, 'TraceIds', true);
  if (ids.some((id) => typeof id !== 'string' || id.length < 1 || id.length > 35)) {
    throw invalidRequest('TraceIds must be strings of 1 to 35 characters');
  }
  if (ids.length > max) throw invalidRequest(`Exceeding maximum query size: ${max}`);
  return (ids as string[]).map((id) => id.toLowerCase());
}

async function batchGetTraces(ctx: ServerContext, body: Body): Promise<unknown> {
  const ids = traceIds(body, 5);
  if (text(body, 'NextToken') !== undefined)
    throw invalidRequest('NextToken is currently not supported');
  await ctx.settle();
  const Traces = [];
  const UnprocessedTraceIds: string[] = [];
  for (const id of new Set(ids)) {
    const trace = ctx.store.get(id);
    if (trace === undefined) UnprocessedTraceIds.push(id);
    else Traces.push(traceDocuments(trace));
  }
  return { Traces, UnprocessedTraceIds };
}

async function getTraceSummaries(ctx: ServerContext, body: Body): Promise<unknown> {
  const start = timestamp(body, 'StartTime', true);
  const end = timestamp(body, 'EndTime', true);
  if (end <= start) throw invalidRequest('EndTime must be after StartTime');
  const type = text(body, 'TimeRangeType') ?? 'TraceId';
  if (type !== 'TraceId' && type !== 'Event' && type !== 'Service') {
    throw invalidRequest(`Invalid TimeRangeType: ${type}`);
  }
  const expression = text(body, 'FilterExpression');
  const strategy = struct(body, 'SamplingStrategy');
  const rate =
    flag(body, 'Sampling') === true &&
    strategy?.Name === 'FixedRate' &&
    typeof strategy.Value === 'number'
      ? strategy.Value
      : undefined;
  const nextToken = text(body, 'NextToken');
  const matcher =
    expression === undefined || expression.trim() === ''
      ? undefined
      : ctx.compileFilter(expression);
  await ctx.settle();
  const candidates = ctx.index.candidates(matcher?.ast);
  const source = {
    traces: candidates ?? ctx.store.traces(),
    analyse: (t: StoredTrace) => ctx.index.analyse(t),
  };
  return findSummaries(source, {
    window: { start, end },
    timeRangeType: type,
    ...(matcher === undefined ? {} : { matcher }),
    ...(rate === undefined ? {} : { sampleRate: rate }),
    ...(nextToken === undefined ? {} : { nextToken }),
  });
}

async function getTraceGraph(ctx: ServerContext, body: Body): Promise<unknown> {
  const ids = traceIds(body, 100);
  await ctx.settle();
  const graphs: GraphSamples[] = [];
  for (const id of new Set(ids)) {
    const trace = ctx.store.get(id);
    const analysis = trace === undefined ? undefined : ctx.index.analyse(trace);
    if (analysis !== undefined) graphs.push(analysis.graph);
  }
  return { Services: buildServiceGraph(graphs) };
}
