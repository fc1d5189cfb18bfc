// One document as a plan: every field computed, in the collector's field order (Go struct order; X-Ray
// does not require one). It becomes the document object, or its JSON text directly (doc-json.ts).
import type {
  AnnotationValue,
  Cause,
  SegmentDocument,
  SegmentLink,
  SqlBlock,
} from '../../segment-document.ts';
import type { AwsPlan } from './aws-block.ts';
import type { HttpPlan } from './http-block.ts';
import { httpObject } from './http-block.ts';
import { awsObject } from './aws-block.ts';
import type { MetadataPlan } from './metadata-plan.ts';
import { metadataObject } from './metadata-plan.ts';
import type { ResourceInfo } from './resource-info.ts';
import { resourceMetadataOnly } from './service-segment.ts';

/** A document (segment fields plus the subsegment ones OTel sets on either). */
export type Doc = SegmentDocument & { type?: 'subsegment'; sql?: SqlBlock };

/** The fields of one document (undefined = omitted). */
export interface DocPlan {
  name: string;
  id: string;
  startTime: number;
  /** Source of `service` and `origin`. */
  resource: ResourceInfo;
  /** `user`, omitted when empty. */
  user: string;
  links: SegmentLink[] | undefined;
  traceId: string;
  endTime: number;
  http: HttpPlan | undefined;
  fault: boolean;
  error: boolean;
  throttle: boolean;
  cause: Cause | undefined;
  aws: AwsPlan | undefined;
  annotations: Record<string, AnnotationValue> | undefined;
  metadata: MetadataPlan;
  namespace: Doc['namespace'];
  parentId: string | undefined;
  /** `type: "subsegment"`. */
  subsegment: boolean;
  sql: SqlBlock | undefined;
  /** The service segment of a split local-root span (§1.2): no call fields, resource metadata only. */
  service: boolean;
}

/** The `metadata` object a plan's document carries. */
export function planMetadata(plan: DocPlan): Record<string, Record<string, unknown>> | undefined {
  const metadata = metadataObject(plan.metadata);
  return plan.service ? resourceMetadataOnly(metadata) : metadata;
}

/** The document object of a plan (fields in the collector's order). */
export function docObject(plan: DocPlan): Doc {
  const doc = { name: plan.name, id: plan.id, start_time: plan.startTime } as Doc;
  const resource = plan.resource;
  if (resource.service !== undefined) doc.service = { ...resource.service };
  if (resource.origin !== undefined) doc.origin = resource.origin;
  if (plan.user !== '') doc.user = plan.user;
  if (plan.links !== undefined) doc.links = plan.links;
  doc.trace_id = plan.traceId;
  doc.end_time = plan.endTime;
  if (plan.http !== undefined) doc.http = httpObject(plan.http);
  doc.fault = plan.fault;
  doc.error = plan.error;
  doc.throttle = plan.throttle;
  if (plan.cause !== undefined) doc.cause = plan.cause;
  if (plan.aws !== undefined) doc.aws = awsObject(plan.aws, !plan.service);
  if (plan.annotations !== undefined) doc.annotations = plan.annotations;
  const metadata = planMetadata(plan);
  if (metadata !== undefined) doc.metadata = metadata;
  if (plan.namespace !== undefined) doc.namespace = plan.namespace;
  if (plan.parentId !== undefined) doc.parent_id = plan.parentId;
  if (plan.subsegment) doc.type = 'subsegment';
  if (plan.sql !== undefined) doc.sql = plan.sql;
  return doc;
}
