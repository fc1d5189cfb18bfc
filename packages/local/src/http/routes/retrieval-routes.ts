import { invalidRequest } from '../../errors.ts';
import type { GraphSamples } from '../../query/graph-samples.ts';
import { buildServiceGraph } from '../../query/service-graph.ts';
import { traceDocuments } from '../../query/trace-documents.ts';
import type { TraceRetrievals } from '../../query/trace-retrievals.ts';
import type { ResourcePolicies } from '../../store/resource-policies.ts';
import { flag, list, text, timestamp } from '../input.ts';
import type { Route, ServerContext } from '../server-context.ts';

/** Resource policies and trace retrieval (Transaction Search style reads of stored traces). */
export function retrievalRoutes(
  ctx: ServerContext,
  policies: ResourcePolicies,
  retrievals: TraceRetrievals,
): Array<[string, Route]> {
  return [
    [
      '/PutResourcePolicy',
      (body) => {
        flag(body, 'BypassPolicyLockoutCheck');
        const name = text(body, 'PolicyName', { required: true, min: 1, max: 128 });
        const document = text(body, 'PolicyDocument', { required: true });
        return { ResourcePolicy: policies.put(name, document, text(body, 'PolicyRevisionId')) };
      },
    ],
    [
      '/DeleteResourcePolicy',
      (body) => {
        const name = text(body, 'PolicyName', { required: true, min: 1, max: 128 });
        policies.delete(name, text(body, 'PolicyRevisionId'));
        return {};
      },
    ],
    ['/ListResourcePolicies', () => ({ ResourcePolicies: policies.list() })],
    [
      '/StartTraceRetrieval',
      (body) => {
        const ids = list(body, 'TraceIds', true);
        if (ids.length > 100 || ids.some((id) => typeof id !== 'string')) {
          throw invalidRequest('TraceIds must be at most 100 strings');
        }
        const start = timestamp(body, 'StartTime', true);
        const end = timestamp(body, 'EndTime', true);
        if (end < start) throw invalidRequest('EndTime must not be before StartTime');
        return {
          RetrievalToken: retrievals.start((ids as string[]).map((id) => id.toLowerCase())),
        };
      },
    ],
    [
      '/ListRetrievedTraces',
      (body) => {
        const r = retrievals.get(text(body, 'RetrievalToken', { required: true }));
        const format = text(body, 'TraceFormat') ?? 'XRAY';
        if (format !== 'XRAY')
          throw invalidRequest(
            `TraceFormat ${format} is not supported by the local X-Ray; use XRAY`,
          );
        if (r.cancelled) return { RetrievalStatus: 'CANCELLED', TraceFormat: format, Traces: [] };
        const Traces = r.traceIds.flatMap((id) => {
          const trace = ctx.store.get(id);
          if (trace === undefined) return [];
          const t = traceDocuments(trace);
          return [{ Id: t.Id, Duration: t.Duration, Spans: t.Segments }];
        });
        return { RetrievalStatus: 'COMPLETE', TraceFormat: format, Traces };
      },
    ],
    [
      '/GetRetrievedTracesGraph',
      (body) => {
        const r = retrievals.get(text(body, 'RetrievalToken', { required: true }));
        const graphs: GraphSamples[] = [];
        for (const id of r.traceIds) {
          const trace = ctx.store.get(id);
          const analysis = trace === undefined ? undefined : ctx.index.analyse(trace);
          if (analysis !== undefined) graphs.push(analysis.graph);
        }
        const services = r.cancelled
          ? []
          : buildServiceGraph(graphs).map((Service) => ({ Service, Links: [] }));
        return { RetrievalStatus: r.cancelled ? 'CANCELLED' : 'COMPLETE', Services: services };
      },
    ],
    [
      '/CancelTraceRetrieval',
      (body) => {
        retrievals.get(text(body, 'RetrievalToken', { required: true })).cancelled = true;
        return {};
      },
    ],
  ];
}
