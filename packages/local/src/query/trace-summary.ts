import type { AnnotationValue } from '@otel-xray/core';
import type { FactsWithDetails } from './build-trace-facts.ts';
import type { NodeId, TraceGraphParts } from './trace-analysis.ts';
import type { RootCauseService } from './trace-facts.ts';
import type { RootCauseShape, ServiceIdShape, TraceSummaryShape } from './api-types.ts';

/**
 * The `TraceSummary` of an analysed trace (spec §5.3), every field filled from the facts. Pure;
 * `MatchedEventTime` is added by the query that matched it.
 */
export function traceSummary(
  parts: TraceGraphParts,
  details: FactsWithDetails,
  revision: number,
): TraceSummaryShape {
  const f = details.facts;
  const http = f.http;
  const annotations: TraceSummaryShape['Annotations'] = {};
  for (const [key, values] of details.annotations) {
    annotations[key] = values.map((v) => ({
      AnnotationValue: annotationValue(v.value),
      ServiceIds: v.services.map(serviceId),
    }));
  }
  const rootStart = parts.root?.doc.start_time;
  const summary: TraceSummaryShape = {
    Id: f.id,
    StartTime: typeof rootStart === 'number' ? rootStart : parts.startTime,
    Duration: f.duration ?? 0,
    HasFault: f.fault,
    HasError: f.error,
    HasThrottle: f.throttle,
    IsPartial: f.partial,
    Http: {
      ...(http.url === undefined ? {} : { HttpURL: http.url }),
      ...(http.status === undefined ? {} : { HttpStatus: http.status }),
      ...(http.method === undefined ? {} : { HttpMethod: http.method }),
      ...(http.useragent === undefined ? {} : { UserAgent: http.useragent }),
      ...(http.clientip === undefined ? {} : { ClientIp: http.clientip }),
    },
    Annotations: annotations,
    Users: [...details.users].map(([UserName, ids]) => ({
      UserName,
      ServiceIds: ids.map(serviceId),
    })),
    ServiceIds: parts.nodes.filter((n) => !n.client).map((n) => serviceId(n.id)),
    ResourceARNs: f.resourceArns.map((ARN) => ({ ARN })),
    InstanceIds: f.instanceIds.map((Id) => ({ Id })),
    AvailabilityZones: f.availabilityZones.map((Name) => ({ Name })),
    FaultRootCauses: rootCauses(f.rootCauses.fault, f.fault, false),
    ErrorRootCauses: rootCauses(f.rootCauses.error, f.error, false),
    ResponseTimeRootCauses: rootCauses(f.rootCauses.responsetime, true, true),
    Revision: revision,
  };
  if (f.responsetime !== undefined) summary.ResponseTime = f.responsetime;
  const entry = parts.root === undefined ? undefined : parts.nodeOf.get(parts.root);
  if (entry !== undefined) summary.EntryPoint = serviceId(entry.id);
  return summary;
}

/** The API's `ServiceId` of a node. */
export function serviceId(id: NodeId): ServiceIdShape {
  const out: ServiceIdShape = { Name: id.name, Names: id.names };
  if (id.accountId !== undefined) out.AccountId = id.accountId;
  if (id.type !== undefined) out.Type = id.type;
  return out;
}

function annotationValue(
  v: AnnotationValue,
): { NumberValue: number } | { BooleanValue: boolean } | { StringValue: string } {
  if (typeof v === 'number') return { NumberValue: v };
  if (typeof v === 'boolean') return { BooleanValue: v };
  return { StringValue: v };
}

function rootCauses(
  list: RootCauseService[],
  clientImpacting: boolean,
  coverage: boolean,
): RootCauseShape[] {
  return list.map((s) => ({
    Services: [
      {
        ...serviceId({
          name: s.name,
          names: s.names,
          ...(s.type === '' ? {} : { type: s.type }),
          ...(s.accountId === undefined ? {} : { accountId: s.accountId }),
        }),
        Inferred: s.inferred,
        EntityPath: s.entityPath.map((e) => ({
          Name: e.name,
          ...(coverage
            ? e.coverage === undefined
              ? {}
              : { Coverage: e.coverage }
            : {
                Exceptions: e.exceptions.map((x) => ({
                  ...(x.name === undefined ? {} : { Name: x.name }),
                  ...(x.message === undefined ? {} : { Message: x.message }),
                })),
              }),
          Remote: e.remote,
        })),
      },
    ],
    ClientImpacting: clientImpacting,
  }));
}
