// `user`, `annotations` and `metadata` from the attributes no block consumed (spec/translation.md §8).
import type { AnnotationValue } from '../../segment-document.ts';
import { sanitizeAnnotationKey } from '../sanitize.ts';
import type { AttributeScan } from './attribute-scan.ts';
import { slot } from './attribute-scan.ts';
import {
  ALWAYS_LAST,
  ENDUSER_ID,
  HTTP_STATUS_TEXT,
  SQL_FIRST,
  SQL_LAST,
  XRAY_ANNOTATIONS,
} from './attribute-codes.ts';
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

function isConsumed(code: number, input: XRayAttributeInput): boolean {
  if (code === 0) return false;
  if (code <= ALWAYS_LAST) return true;
  if (code >= SQL_FIRST && code <= SQL_LAST) return input.sqlProduced;
  return code === HTTP_STATUS_TEXT && input.usedStatusText;
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

function isIndexed(
  key: string,
  indexAll: boolean,
  anyIndexed: boolean,
  indexed: ReadonlySet<string>,
  listed: readonly unknown[],
): boolean {
  return indexAll || (anyIndexed && (indexed.has(key) || listed.includes(key)));
}

/** Splits the remaining attributes into `user`, annotations and metadata. */
export function makeXRayAttributes(input: XRayAttributeInput): XRayAttributes {
  const { scan, indexAll, indexed } = input;
  const user = capString(str(slot(scan, S.ENDUSER_ID)), MAX_STRING);
  const annotations: Record<string, AnnotationValue> = {};
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
    keys: [],
    members: [],
    values: [],
    namespaces: undefined,
    plain: true,
  };
  let hasAnnotations = false;
  if (resource !== undefined && !copyResource) {
    for (const entry of resource.entries) {
      if (
        isIndexed(entry.key, indexAll, anyIndexed, indexed, listed) &&
        entry.annotation !== undefined
      ) {
        hasAnnotations =
          annotate(annotations, entry.key, entry.annotation, input.allowDot) || hasAnnotations;
      } else if (entry.raw !== undefined) {
        addMember(plan, entry.key, entry.member, entry.raw);
      }
    }
  }
  const { keys, exclude } = input;
  const { infos, values } = scan;
  const explicit = indexed.size > 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const info = infos[k] as KeyInfo;
    const code = info.code;
    if (code !== 0) {
      if (code === ENDUSER_ID || (listedIsArray && code === XRAY_ANNOTATIONS)) continue;
      // Consumed keys come back only when explicitly listed in indexed_attributes.
      if (isConsumed(code, input) && !(explicit && indexed.has(key))) continue;
    }
    if (exclude !== undefined && exclude.has(key)) continue;
    const value = values[k];
    if (isIndexed(key, indexAll, anyIndexed, indexed, listed)) {
      const annotation = annotationValue(value);
      if (annotation !== undefined)
        hasAnnotations = annotate(annotations, key, annotation, input.allowDot) || hasAnnotations;
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
  return { user, annotations: hasAnnotations ? annotations : undefined, metadata: plan };
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
