// `user`, `annotations` and `metadata` from the attributes no block consumed (spec/translation.md §8).
import type { AnnotationValue } from '../../segment-document.ts';
import { sanitizeAnnotationKey } from '../sanitize.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { slot } from './attribute-scan.ts';
import type { RouteContext } from './attribute-route.ts';
import { ANNOTATION, destination, DROP, isIndexed, keyRoute } from './attribute-route.ts';
import { annotationValue, rawValue, str } from './attribute-values.ts';
import { capString, MAX_ANNOTATION_VALUE, MAX_STRING } from './limits.ts';
import type { MetadataPlan } from './metadata-plan.ts';
import type { KeyInfo } from './key-info.ts';
import type { MemberKey } from './member-key.ts';
import * as S from './attribute-slots.ts';
import type { ResourceInfo } from './resource-info.ts';

const METADATA_PREFIX = 'aws.xray.metadata.';
const RESOURCE_PREFIX = 'otel.resource.';

/** What decides where each attribute goes. */
export interface XRayAttributeInput {
  /** The attribute scan (facts and values of every key, in order). */
  scan: AttributeScan;
  /** `Object.keys(attrs)`. */
  keys: readonly string[];
  /** `indexed_attributes` as a set (may be empty). */
  indexed: ReadonlySet<string>;
  indexAll: boolean;
  /** The collector's `exporter.xray.allowDot` gate: keep `.` in annotation keys. */
  allowDot: boolean;
  /** Resource to store (segments), or undefined (subsegments). */
  resource: ResourceInfo | undefined;
  sqlProduced: boolean;
  usedStatusText: boolean;
  /** Keys removed before translation (the split service segment). */
  exclude: ReadonlySet<string> | undefined;
}

/** `user`, annotations (undefined when empty) and the metadata plan. */
export interface XRayAttributes {
  user: string;
  annotations: Record<string, AnnotationValue> | undefined;
  metadata: MetadataPlan;
}

function annotate(
  out: Record<string, AnnotationValue>,
  key: string,
  value: AnnotationValue,
  allowDot: boolean,
): boolean {
  const fixed = sanitizeAnnotationKey(key, allowDot);
  if (fixed === '') return false;
  out[fixed] = typeof value === 'string' ? capString(value, MAX_ANNOTATION_VALUE) : value;
  return true;
}

function indexesResource(indexed: ReadonlySet<string>, listed: readonly unknown[]): boolean {
  for (const key of indexed) if (key.startsWith(RESOURCE_PREFIX)) return true;
  for (const key of listed)
    if (typeof key === 'string' && key.startsWith(RESOURCE_PREFIX)) return true;
  return false;
}

function hasString(items: readonly unknown[]): boolean {
  for (const item of items) if (typeof item === 'string') return true;
  return false;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const NOTHING_LISTED: readonly unknown[] = [];

/** Splits the remaining attributes into `user`, annotations and metadata. */
export function makeXRayAttributes(input: XRayAttributeInput): XRayAttributes {
  const { scan, indexAll, indexed } = input;
  const user = capString(str(slot(scan, S.ENDUSER_ID)), MAX_STRING);
  const resource = input.resource;
  // Keys to index: indexed_attributes plus the strings listed in `aws.xray.annotations`.
  const listedValue = slot(scan, S.XRAY_ANNOTATIONS);
  const listedIsArray = Array.isArray(listedValue);
  const listed = listedIsArray ? (listedValue as readonly unknown[]) : NOTHING_LISTED;
  const anyIndexed = !indexAll && (indexed.size > 0 || hasString(listed));
  // Common case: no resource attribute is an annotation, so start from the prebuilt members.
  const copyResource =
    resource !== undefined &&
    resource.defaultCount > 0 &&
    !indexAll &&
    !(anyIndexed && indexesResource(indexed, listed));
  const plan: MetadataPlan = {
    resource: copyResource ? resource : undefined,
    route: undefined,
    sourceKeys: scan.shape.keys,
    source: scan.values,
    keys: [],
    members: [],
    values: [],
    namespaces: undefined,
    plain: true,
  };
  const ctx: RouteContext = {
    indexed,
    indexAll,
    anyIndexed,
    listed,
    listedIsArray,
    sqlProduced: input.sqlProduced,
    usedStatusText: input.usedStatusText,
    exclude: input.exclude,
  };
  const annotations: Record<string, AnnotationValue> = {};
  const routed =
    ctx.exclude === undefined &&
    !indexAll &&
    !scan.shape.hasMetadataNamespace &&
    (resource === undefined || copyResource);
  const hasAnnotations = routed
    ? fromRoute(scan, ctx, input.allowDot, resource !== undefined, annotations, plan)
    : fromKeys(input, ctx, resource !== undefined && !copyResource, annotations, plan);
  return { user, annotations: hasAnnotations ? annotations : undefined, metadata: plan };
}

/** The common case: the keys' destinations from the shape's route, only the values read here. */
function fromRoute(
  scan: AttributeScan,
  ctx: RouteContext,
  allowDot: boolean,
  withResource: boolean,
  annotations: Record<string, AnnotationValue>,
  plan: MetadataPlan,
): boolean {
  const route = keyRoute(scan.shape, ctx, allowDot, withResource);
  const values = scan.values;
  let hasAnnotations = false;
  const { annotationKeys } = route;
  for (let i = 0; i < route.annotations.length; i++) {
    const value = annotationValue(values[route.annotations[i] as number]);
    if (value === undefined) continue;
    annotations[annotationKeys[i] as string] =
      typeof value === 'string' ? capString(value, MAX_ANNOTATION_VALUE) : value;
    hasAnnotations = true;
  }
  // The metadata members are read from the values when written (metadata-plan.ts).
  plan.route = route;
  if (!route.plain) plan.plain = false;
  return hasAnnotations;
}

/** Every other case, key by key (resource entries indexed, `aws.xray.metadata.*`, exclusions, …). */
function fromKeys(
  input: XRayAttributeInput,
  ctx: RouteContext,
  resourceEntries: boolean,
  annotations: Record<string, AnnotationValue>,
  plan: MetadataPlan,
): boolean {
  const { resource, allowDot } = input;
  let hasAnnotations = false;
  if (resource !== undefined && resourceEntries) {
    for (const entry of resource.entries) {
      if (isIndexed(entry.key, ctx) && entry.annotation !== undefined) {
        hasAnnotations =
          annotate(annotations, entry.key, entry.annotation, allowDot) || hasAnnotations;
      } else if (entry.raw !== undefined) {
        addMember(plan, entry.key, entry.member, entry.raw);
      }
    }
  }
  const { keys } = input;
  const { infos, values } = input.scan;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const info = infos[k] as KeyInfo;
    const where = destination(key, info, ctx);
    if (where === DROP) continue;
    const value = values[k];
    if (where === ANNOTATION) {
      const annotation = annotationValue(value);
      if (annotation !== undefined)
        hasAnnotations = annotate(annotations, key, annotation, allowDot) || hasAnnotations;
    } else if (info.metadataNamespace && typeof value === 'string') {
      const namespace = key.slice(METADATA_PREFIX.length);
      const parsed = parseObject(value);
      if (parsed === undefined) {
        addMember(plan, key, info.member, value);
      } else if (namespace.toLowerCase() === 'default') {
        for (const member of Object.keys(parsed))
          addMember(plan, member, undefined, parsed[member]);
        plan.plain = false;
      } else {
        (plan.namespaces ??= {})[namespace] = parsed;
        plan.plain = false;
      }
    } else {
      const raw = rawValue(value);
      if (raw !== undefined) {
        addMember(plan, key, info.member, raw);
        if (info.special || (info.resourceLike && resource !== undefined)) plan.plain = false;
      }
    }
  }
  return hasAnnotations;
}

function addMember(
  plan: MetadataPlan,
  key: string,
  member: MemberKey | undefined,
  value: unknown,
): void {
  plan.keys.push(key);
  plan.members.push(member);
  plan.values.push(value);
}
