// `user`, `annotations` and `metadata` from the attributes no block consumed (spec/translation.md §8).
import type { AnnotationValue } from '../../segment-document.ts';
import { sanitizeAnnotationKey } from '../sanitize.ts';
import type { TranslatableAttributes } from '../translatable-span.ts';
import { ATTRIBUTE_CODES, C_ALWAYS_LAST, C_SQL_FIRST, C_SQL_LAST } from './attribute-scan.ts';
import { annotationValue, rawValue, str } from './attribute-values.ts';
import { capString, MAX_ANNOTATION_VALUE, MAX_STRING } from './limits.ts';
import type { ResourceEntry } from './resource-info.ts';

const METADATA_PREFIX = 'aws.xray.metadata.';

/** What decides where each attribute goes. */
export interface XRayAttributeInput {
  attrs: TranslatableAttributes;
  /** `indexed_attributes` as a set (may be empty). */
  indexed: ReadonlySet<string>;
  indexAll: boolean;
  /** Resource entries to store, or undefined for subsegments. */
  resourceEntries: readonly ResourceEntry[] | undefined;
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

function isConsumed(key: string, input: XRayAttributeInput): boolean {
  const code = ATTRIBUTE_CODES.get(key);
  if (code !== undefined) {
    if (code <= C_ALWAYS_LAST) return true;
    if (code >= C_SQL_FIRST && code <= C_SQL_LAST) return input.sqlProduced;
  }
  return input.usedStatusText && key === 'http.status_text';
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
  const defaults: Record<string, unknown> = {};
  let metadata: Record<string, Record<string, unknown>> | undefined;
  let hasAnnotations = false;
  let hasDefaults = false;
  let indexedKeys = indexAll ? undefined : input.indexed;
  const listed = attrs['aws.xray.annotations'];
  const listedIsArray = Array.isArray(listed);
  if (listedIsArray) {
    const keys = new Set<string>(indexedKeys);
    for (const item of listed as unknown[]) if (typeof item === 'string') keys.add(item);
    indexedKeys = keys;
  }
  if (input.resourceEntries !== undefined) {
    for (const entry of input.resourceEntries) {
      const indexed = indexAll || indexedKeys?.has(entry.key) === true;
      if (indexed && entry.annotation !== undefined) {
        hasAnnotations = annotate(annotations, entry.key, entry.annotation) || hasAnnotations;
      } else if (entry.raw !== undefined) {
        defaults[entry.key] = entry.raw;
        hasDefaults = true;
      }
    }
  }
  for (const key in attrs) {
    if (key === 'enduser.id' || (listedIsArray && key === 'aws.xray.annotations')) continue;
    if (input.exclude?.has(key) === true) continue;
    // Consumed keys come back only when explicitly listed in indexed_attributes.
    if (isConsumed(key, input) && !input.indexed.has(key)) continue;
    const value = attrs[key];
    if (indexAll || indexedKeys?.has(key) === true) {
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
