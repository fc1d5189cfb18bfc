// `user`, `annotations` and `metadata` from the attributes no block consumed (spec/translation.md §8).
import type { AnnotationValue } from '../../segment-document.ts';
import { sanitizeAnnotationKey } from '../sanitize.ts';
import type { TranslatableAttributes } from '../translatable-span.ts';
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
import type { ResourceInfo } from './resource-info.ts';

const METADATA_PREFIX = 'aws.xray.metadata.';

/** What decides where each attribute goes. */
export interface XRayAttributeInput {
  attrs: TranslatableAttributes;
  /** `Object.keys(attrs)`. */
  keys: readonly string[];
  /** Attribute codes of the keys (attribute-codes.ts), 0 for others. */
  codes: readonly number[];
  /** `indexed_attributes` as a set (may be empty). */
  indexed: ReadonlySet<string>;
  indexAll: boolean;
  /** Resource to store (segments), or undefined (subsegments). */
  resource: ResourceInfo | undefined;
  sqlProduced: boolean;
  usedStatusText: boolean;
  /** Keys removed before translation (the split service segment). */
  exclude: ReadonlySet<string> | undefined;
}

/** `user`, annotations and metadata; empty maps come back undefined. */
export interface XRayAttributes {
  user: string;
  annotations: Record<string, AnnotationValue> | undefined;
  metadata: Record<string, Record<string, unknown>> | undefined;
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
): boolean {
  const fixed = sanitizeAnnotationKey(key);
  if (fixed === '') return false;
  out[fixed] = typeof value === 'string' ? capString(value, MAX_ANNOTATION_VALUE) : value;
  return true;
}

function indexesResource(indexedKeys: ReadonlySet<string> | undefined): boolean {
  if (indexedKeys === undefined || indexedKeys.size === 0) return false;
  for (const key of indexedKeys) if (key.startsWith('otel.resource.')) return true;
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

/** Splits the remaining attributes into `user`, annotations and metadata. */
export function makeXRayAttributes(input: XRayAttributeInput): XRayAttributes {
  const { attrs, indexAll } = input;
  const user = capString(str(attrs['enduser.id']), MAX_STRING);
  const annotations: Record<string, AnnotationValue> = {};
  const resource = input.resource;
  let indexedKeys = indexAll ? undefined : input.indexed;
  const listed = attrs['aws.xray.annotations'];
  const listedIsArray = Array.isArray(listed);
  if (listedIsArray) {
    const keys = new Set<string>(indexedKeys);
    for (const item of listed as unknown[]) if (typeof item === 'string') keys.add(item);
    indexedKeys = keys;
  }
  // Common case: no resource attribute is an annotation, so start from a copy of the prebuilt members.
  const copyResource =
    resource !== undefined &&
    resource.defaultCount > 0 &&
    !indexAll &&
    !indexesResource(indexedKeys);
  const defaults: Record<string, unknown> = copyResource ? { ...resource.defaults } : {};
  let metadata: Record<string, Record<string, unknown>> | undefined;
  let hasAnnotations = false;
  let hasDefaults = copyResource;
  if (resource !== undefined && !copyResource) {
    for (const entry of resource.entries) {
      const indexed = indexAll || indexedKeys?.has(entry.key) === true;
      if (indexed && entry.annotation !== undefined) {
        hasAnnotations = annotate(annotations, entry.key, entry.annotation) || hasAnnotations;
      } else if (entry.raw !== undefined) {
        defaults[entry.key] = entry.raw;
        hasDefaults = true;
      }
    }
  }
  const { keys, codes, exclude, indexed } = input;
  const anyIndexed = indexed.size > 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const code = codes[k] ?? 0;
    if (code === ENDUSER_ID || (listedIsArray && code === XRAY_ANNOTATIONS)) continue;
    if (exclude !== undefined && exclude.has(key)) continue;
    // Consumed keys come back only when explicitly listed in indexed_attributes.
    if (isConsumed(code, input) && !(anyIndexed && indexed.has(key))) continue;
    const value = attrs[key];
    if (indexAll || (indexedKeys !== undefined && indexedKeys.size > 0 && indexedKeys.has(key))) {
      const annotation = annotationValue(value);
      if (annotation !== undefined)
        hasAnnotations = annotate(annotations, key, annotation) || hasAnnotations;
    } else if (key.startsWith(METADATA_PREFIX) && typeof value === 'string') {
      const namespace = key.slice(METADATA_PREFIX.length);
      const parsed = parseObject(value);
      if (parsed === undefined) {
        defaults[key] = value;
        hasDefaults = true;
      } else if (namespace.toLowerCase() === 'default') {
        for (const member of Object.keys(parsed)) defaults[member] = parsed[member];
        hasDefaults ||= Object.keys(parsed).length > 0;
      } else {
        (metadata ??= {})[namespace] = parsed;
      }
    } else {
      const raw = rawValue(value);
      if (raw !== undefined) {
        defaults[key] = raw;
        hasDefaults = true;
      }
    }
  }
  if (hasDefaults) (metadata ??= {}).default = defaults;
  return { user, annotations: hasAnnotations ? annotations : undefined, metadata };
}
