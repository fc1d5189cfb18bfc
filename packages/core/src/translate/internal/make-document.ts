// One document from a span: the collector's MakeSegment, with the roles of the local-root split (§1.2).
import type { SegmentDocument, SqlBlock } from '../../segment-document.ts';
import { sanitizeSegmentName } from '../sanitize.ts';
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
import { resourceMetadataOnly, withoutCallFields } from './service-segment.ts';
import { chooseName, trimAwsSdkPrefix } from './segment-name.ts';
import type { SpanFacts } from './span-facts.ts';
import { makeSql } from './sql-block.ts';
import { makeXRayAttributes } from './xray-attributes.ts';

/** A document under construction (segment fields plus the subsegment ones OTel sets on either). */
export type Doc = SegmentDocument & { type?: 'subsegment'; sql?: SqlBlock };

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
  const attrs = f.span.attributes;
  const kind = f.span.kind;
  if (role === 'service' || (role === 'auto' && f.localRoot && !isDependencyKind(kind)))
    return undefined;
  if (str(attrs['rpc.system']) === AWS_API || fromAwsService) return 'aws';
  // Extension (user need 3, collector PR #42633): PRODUCER spans are downstream calls like CLIENT.
  if (kind === KIND_CLIENT || kind === KIND_PRODUCER) return 'remote';
  if (role === 'dependency') return 'remote';
  if (subsegment && isDependencyKind(kind) && Object.hasOwn(attrs, 'aws.remote.service'))
    return 'remote';
  return undefined;
}

function nameOf(
  f: SpanFacts,
  role: DocumentRole,
  asService: boolean,
  exclude: boolean,
): { name: string; fromAwsService: boolean } {
  const attrs = f.span.attributes;
  if (role === 'dependency') {
    const remote = str(attrs['aws.remote.service']);
    if (remote !== '')
      return { name: sanitizeSegmentName(trimAwsSdkPrefix(remote, attrs)), fromAwsService: false };
  }
  if (role === 'service') {
    const local = str(attrs['aws.local.service']);
    if (local !== '') return { name: sanitizeSegmentName(local), fromAwsService: false };
  }
  return chooseName({
    attrs,
    kind: f.span.kind,
    spanName: f.span.name,
    asService,
    localRoot: f.localRoot,
    serviceName: f.resource.serviceName,
    withoutRemoteService: exclude,
  });
}

/** Builds one document. `parentId` is the (possibly replaced) parent; `id` the (possibly synthetic) id. */
export function makeDocument(
  f: SpanFacts,
  id: string,
  parentId: string | undefined,
  role: DocumentRole,
  exclude?: ReadonlySet<string>,
): Doc {
  const { span, scan } = f;
  const attrs = span.attributes;
  const kind = span.kind;
  // Extension (collector PR #42633, user need 3): CONSUMER spans are segments, like SERVER spans.
  const segmentKind = kind === KIND_SERVER || kind === KIND_CONSUMER;
  const subsegment =
    role === 'dependency' ||
    (role === 'auto' && !segmentKind && parentId !== undefined && !f.localRoot);
  const storeResource = role !== 'dependency' && (segmentKind || parentId === undefined);
  const asService = role === 'service' || (role === 'auto' && segmentKind);
  const named = nameOf(f, role, asService, exclude !== undefined);
  const flags = makeCause(span, f.resource.language, f.newId);
  const aws = makeAws(scan, attrs, f.resource, f.options.logGroupNames);
  const sql = makeSql(scan, span.name, str(attrs['server.address']));
  const x = makeXRayAttributes({
    attrs,
    keys: f.keys,
    codes: f.scan.codes,
    indexed: f.options.indexed,
    indexAll: f.options.indexAll,
    resource: storeResource ? f.resource : undefined,
    sqlProduced: sql !== undefined,
    usedStatusText: flags.usedStatusText,
    exclude,
  });
  // Keys are added in the collector's field order (Go struct order); X-Ray does not require one.
  const doc = { name: named.name, id, start_time: seconds(span.startTime) } as Doc;
  if (f.resource.service !== undefined) doc.service = { ...f.resource.service };
  if (f.resource.origin !== undefined) doc.origin = f.resource.origin;
  if (x.user !== '') doc.user = x.user;
  const keepLinks =
    role === 'auto' ||
    (role === 'dependency' && kind !== KIND_CONSUMER) ||
    (role === 'service' && kind === KIND_CONSUMER);
  const links = keepLinks ? makeLinks(span.links, f.problems) : undefined;
  if (links !== undefined) doc.links = links;
  doc.trace_id = f.traceId;
  doc.end_time = seconds(span.endTime);
  const http = role === 'service' ? undefined : makeHttp(scan, kind, attrs, span.events);
  if (http !== undefined) doc.http = http;
  doc.fault = flags.fault;
  doc.error = flags.error;
  doc.throttle = flags.throttle;
  if (flags.cause !== undefined) doc.cause = flags.cause;
  if (aws !== undefined) doc.aws = role === 'service' ? withoutCallFields(aws) : aws;
  if (x.annotations !== undefined) doc.annotations = x.annotations;
  const metadata = role === 'service' ? resourceMetadataOnly(x.metadata) : x.metadata;
  if (metadata !== undefined) doc.metadata = metadata;
  const namespace = namespaceOf(f, role, subsegment, named.fromAwsService);
  if (namespace !== undefined) doc.namespace = namespace;
  if (parentId !== undefined) doc.parent_id = parentId;
  if (subsegment) doc.type = 'subsegment';
  if (sql !== undefined) doc.sql = sql;
  return doc;
}
