import type { AnnotationValue } from '@otel-xray/core';
import type { FactsWithDetails } from './build-trace-facts.ts';
import type { NodeId } from './trace-analysis.ts';
import type { RootCauseService, ServiceFacts, TraceFacts } from './trace-facts.ts';
import type { RootCauseShape, ServiceIdShape, TraceSummaryShape } from './api-types.ts';

/** What a summary is built from: cached per trace revision (see analyse-trace.ts). */
export interface SummaryInputs {
  facts: TraceFacts;
  /** Annotation key → distinct values with the services that recorded them. */
  annotations: FactsWithDetails['annotations'];
  /** User → services that recorded it. */
  users: FactsWithDetails['users'];
  /** Root segment start, or the earliest start. */
  startTime: number;
  revision: number;
}

/**
 * The `TraceSummary` of an analysed trace (spec §5.3), every field filled from the facts. Pure;
 * built on demand for the summaries a query returns; `MatchedEventTime` is added by the query.
 */
export function traceSummary(input: SummaryInputs): TraceSummaryShape {
  const f = input.facts;
  const http = f.http;
  const annotations: TraceSummaryShape['Annotations'] = {};
  for (const [key, values] of input.annotations) {
    annotations[key] = values.map((v) => ({
      AnnotationValue: annotationValue(v.value),
      ServiceIds: v.services.map(serviceId),
    }));
  }
  const summary: TraceSummaryShape = {
    Id: f.id,
    StartTime: input.startTime,
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
    Users: [...input.users].map(([UserName, ids]) => ({
      UserName,
      ServiceIds: ids.map(serviceId),
    })),
    ServiceIds: f.services.map((s) => serviceId(nodeIdOfFacts(s))),
    ResourceARNs: f.resourceArns.map((ARN) => ({ ARN })),
    InstanceIds: f.instanceIds.map((Id) => ({ Id })),
    AvailabilityZones: f.availabilityZones.map((Name) => ({ Name })),
    FaultRootCauses: rootCauses(f.rootCauses.fault, f.fault, false),
    ErrorRootCauses: rootCauses(f.rootCauses.error, f.error, false),
    ResponseTimeRootCauses: rootCauses(f.rootCauses.responsetime, true, true),
    Revision: input.revision,
  };
  if (f.responsetime !== undefined) summary.ResponseTime = f.responsetime;
  const entry = f.services.find((s) => s.root);
  if (entry !== undefined) summary.EntryPoint = serviceId(nodeIdOfFacts(entry));
  return summary;
}

function nodeIdOfFacts(s: Pick<ServiceFacts, 'name' | 'names' | 'type' | 'accountId'>): NodeId {
  return {
    name: s.name,
    names: s.names,
    ...(s.type === '' ? {} : { type: s.type }),
    ...(s.accountId === undefined ? {} : { accountId: s.accountId }),
  };
}

/**
 * The API's `ServiceId` of a node. `Type` and `AccountId` are left out, not null, when unknown:
 * X-Ray's own output omits them for a service without `origin` or `aws.account_id`.
 */
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
