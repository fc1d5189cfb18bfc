// Fits a segment document under a byte limit (spec/xray-protocol.md §3.2 and §4: 64 KB per
// document; translation.md §10: string values 250 chars, annotation values 1,000, 50 annotations).
// Pure. Steps run in order and stop as soon as the document fits; the README lists the same order.
import type { Cause, EntityFields } from '@otel-xray/core';

type Entity = EntityFields & Record<string, unknown>;
type Step = (doc: Entity) => void;

const MAX_STACK_FRAMES = 10;
const MAX_STRING = 250;
const MAX_ANNOTATION_STRING = 1000;
const MAX_ANNOTATIONS = 50;
const SKELETON_KEYS = [
  'name',
  'id',
  'trace_id',
  'parent_id',
  'type',
  'start_time',
  'end_time',
  'in_progress',
  'namespace',
  'origin',
  'error',
  'fault',
  'throttle',
] as const;

function eachEntity(doc: Entity, visit: (entity: Entity) => void): void {
  visit(doc);
  for (const child of doc.subsegments ?? []) eachEntity(child, visit);
}

function exceptionsOf(cause: Cause | undefined): NonNullable<Exclude<Cause, string>['exceptions']> {
  return typeof cause === 'object' ? (cause.exceptions ?? []) : [];
}

/** `text` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function capStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return cap(value, max);
  if (Array.isArray(value)) return value.map((item) => capStrings(item, max));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = capStrings(item, max);
    return out;
  }
  return value;
}

const STEPS: readonly Step[] = [
  // 1. metadata: unindexed and the usual bulk.
  (doc) => eachEntity(doc, (e) => delete e.metadata),
  // 2. cause stacks cut to 10 frames; `truncated` counts the frames removed.
  (doc) =>
    eachEntity(doc, (e) => {
      for (const ex of exceptionsOf(e.cause)) {
        const stack = ex.stack ?? [];
        if (stack.length <= MAX_STACK_FRAMES) continue;
        ex.truncated = (ex.truncated ?? 0) + stack.length - MAX_STACK_FRAMES;
        ex.stack = stack.slice(0, MAX_STACK_FRAMES);
      }
    }),
  // 3. cause reduced to its first exception, without stack and paths.
  (doc) =>
    eachEntity(doc, (e) => {
      if (typeof e.cause !== 'object') return;
      const first = exceptionsOf(e.cause)[0];
      const kept = first && {
        ...first,
        truncated: (first.truncated ?? 0) + (first.stack?.length ?? 0),
      };
      if (kept) delete kept.stack;
      e.cause = kept ? { exceptions: [kept] } : {};
    }),
  // 4. X-Ray's own limits: 50 annotations, annotation strings 1,000 chars, other strings 250.
  (doc) =>
    eachEntity(doc, (e) => {
      const { annotations } = e;
      for (const key of Object.keys(e)) {
        if (key !== 'annotations' && key !== 'subsegments') e[key] = capStrings(e[key], MAX_STRING);
      }
      if (annotations === undefined) return;
      const kept = Object.entries(annotations).slice(0, MAX_ANNOTATIONS);
      e.annotations = capStrings(
        Object.fromEntries(kept),
        MAX_ANNOTATION_STRING,
      ) as Entity['annotations'];
    }),
  // 5. embedded subsegments (our translation emits none; documents from elsewhere may).
  (doc) => delete doc.subsegments,
  // 6. skeleton: identity, timing, flags, and the HTTP/AWS call essentials.
  (doc) => {
    const { http, aws } = doc;
    for (const key of Object.keys(doc)) {
      if (!(SKELETON_KEYS as readonly string[]).includes(key)) delete doc[key];
    }
    if (http) {
      doc.http = {
        request: { method: http.request?.method, url: http.request?.url },
        response: { status: http.response?.status },
      };
    }
    if (aws?.operation !== undefined) doc.aws = { operation: aws.operation };
  },
];

/** A document that fits, with whether it had to be shrunk. */
export interface FittedDocument {
  /** The JSON text to send. */
  json: string;
  /** True when at least one shrink step ran. */
  shrunk: boolean;
}

/** True when `json` is at most `maxBytes` in UTF-8 (at most 3 bytes per UTF-16 unit: no count needed). */
const fits = (json: string, maxBytes: number): boolean =>
  json.length * 3 <= maxBytes || Buffer.byteLength(json, 'utf8') <= maxBytes;

/**
 * Serialises `doc`, shrinking a copy step by step while it is over `maxBytes`.
 * @returns the JSON that fits, or `undefined` when even the skeleton is too large.
 */
export function fitDocument(doc: EntityFields, maxBytes: number): FittedDocument | undefined {
  return fitJson(JSON.stringify(doc), maxBytes);
}

/**
 * Returns the serialised document `json` as it is when it fits in `maxBytes` (the common case:
 * no parsing), else parses it and shrinks the copy step by step as {@link fitDocument} does.
 * @returns the JSON that fits, or `undefined` when even the skeleton is too large.
 */
export function fitJson(json: string, maxBytes: number): FittedDocument | undefined {
  if (fits(json, maxBytes)) return { json, shrunk: false };
  const copy = JSON.parse(json) as Entity;
  for (const step of STEPS) {
    step(copy);
    const shrunk = JSON.stringify(copy);
    if (fits(shrunk, maxBytes)) return { json: shrunk, shrunk: true };
  }
  return undefined;
}
