// One document from a span: the collector's MakeSegment, with the roles of the local-root split (§1.2).
import { sanitizeSegmentName } from '../sanitize.ts';
import { hasSlot, slot } from './attribute-scan.ts';
import * as S from './attribute-slots.ts';
import { str } from './attribute-values.ts';
import { makeAws } from './aws-block.ts';
import { makeCause } from './cause-block.ts';
import {
  AWS_API,
  isDependencyKind,
  KIND_CLIENT,
  KIND_CONSUMER,
  KIND_PRODUCER,
  KIND_SERVER,
} from './constants.ts';
import { makeHttp } from './http-block.ts';
import { makeLinks } from './links.ts';
import type { Doc, DocPlan } from './doc-plan.ts';
import { chooseName, trimAwsSdkPrefix } from './segment-name.ts';
import type { SpanFacts } from './span-facts.ts';
import { makeSql } from './sql-block.ts';
import { makeXRayAttributes } from './xray-attributes.ts';

/** `auto` = one document as the span says; `dependency` / `service` = the two halves of §1.2. */
export type DocumentRole = 'auto' | 'dependency' | 'service';

/** Seconds since the epoch of an HrTime (float, full precision). */
export function seconds(time: readonly [number, number]): number {
  return time[0] + time[1] / 1e9;
}

function namespaceOf(
  f: SpanFacts,
  role: DocumentRole,
  subsegment: boolean,
  fromAwsService: boolean,
): Doc['namespace'] {
  const s = f.scan;
  const kind = f.span.kind;
  if (role === 'service' || (role === 'auto' && f.localRoot && !isDependencyKind(kind)))
    return undefined;
  if (str(slot(s, S.RPC_SYSTEM)) === AWS_API || fromAwsService) return 'aws';
  // Extension (user need 3, collector PR #42633): PRODUCER spans are downstream calls like CLIENT.
  if (kind === KIND_CLIENT || kind === KIND_PRODUCER) return 'remote';
  if (role === 'dependency') return 'remote';
  if (subsegment && isDependencyKind(kind) && hasSlot(s, S.AWS_REMOTE_SERVICE)) return 'remote';
  return undefined;
}

function nameOf(
  f: SpanFacts,
  role: DocumentRole,
  asService: boolean,
  exclude: boolean,
): { name: string; fromAwsService: boolean } {
  const s = f.scan;
  if (role === 'dependency') {
    const remote = str(slot(s, S.AWS_REMOTE_SERVICE));
    if (remote !== '')
      return { name: sanitizeSegmentName(trimAwsSdkPrefix(remote, s)), fromAwsService: false };
  }
  if (role === 'service') {
    const local = str(slot(s, S.AWS_LOCAL_SERVICE));
    if (local !== '') return { name: sanitizeSegmentName(local), fromAwsService: false };
  }
  return chooseName({
    scan: s,
    kind: f.span.kind,
    spanName: f.span.name,
    asService,
    localRoot: f.localRoot,
    serviceName: f.resource.serviceName,
    withoutRemoteService: exclude,
  });
}

/** Builds the plan of one document. `parentId` is the (possibly replaced) parent; `id` the (possibly synthetic) id. */
export function makeDocument(
  f: SpanFacts,
  id: string,
  parentId: string | undefined,
  role: DocumentRole,
  exclude?: ReadonlySet<string>,
): DocPlan {
  const { span, scan } = f;
  const kind = span.kind;
  // Extension (collector PR #42633, user need 3): CONSUMER spans are segments, like SERVER spans.
  const segmentKind = kind === KIND_SERVER || kind === KIND_CONSUMER;
  const subsegment =
    role === 'dependency' ||
    (role === 'auto' && !segmentKind && parentId !== undefined && !f.localRoot);
  // The service segment of a split stores the resource only as a root does, whatever the kind
  // (collector: TestLocalRootConsumer/Client/Producer).
  const storeResource =
    role === 'auto'
      ? segmentKind || parentId === undefined
      : role === 'service' && parentId === undefined;
  const asService = role === 'service' || (role === 'auto' && segmentKind);
  const named = nameOf(f, role, asService, exclude !== undefined);
  const flags = makeCause(span, scan, f.resource.language, f.newId);
  const aws = makeAws(scan, f.resource, f.options.logGroups);
  const sql = makeSql(scan, span.name, str(slot(scan, S.SERVER_ADDRESS)));
  const x = makeXRayAttributes({
    scan,
    keys: f.keys,
    indexed: f.options.indexed,
    indexAll: f.options.indexAll,
    allowDot: f.options.allowDot,
    resource: storeResource ? f.resource : undefined,
    sqlProduced: sql !== undefined,
    usedStatusText: flags.usedStatusText,
    exclude,
  });
  const keepLinks =
    role === 'auto' ||
    (role === 'dependency' && kind !== KIND_CONSUMER) ||
    (role === 'service' && kind === KIND_CONSUMER);
  return {
    name: named.name,
    id,
    startTime: seconds(span.startTime),
    resource: f.resource,
    user: x.user,
    links: keepLinks ? makeLinks(span.links, f.problems, f.epochNow) : undefined,
    traceId: f.traceId,
    endTime: seconds(span.endTime),
    http: role === 'service' ? undefined : makeHttp(scan, kind, span.events),
    fault: flags.fault,
    error: flags.error,
    throttle: flags.throttle,
    cause: flags.cause,
    aws,
    annotations: x.annotations,
    metadata: x.metadata,
    namespace: namespaceOf(f, role, subsegment, named.fromAwsService),
    parentId,
    subsegment,
    sql,
    service: role === 'service',
  };
}
