// X-Ray SDK habits on OpenTelemetry spans: annotations, metadata namespaces and subsegments.
// They write the attributes the translation understands (`aws.xray.annotations`, `aws.xray.metadata.<ns>`).
import type { Attributes, Span, SpanKind, Tracer } from '@opentelemetry/api';
import { diag, SpanStatusCode, trace } from '@opentelemetry/api';
import { sanitizeAnnotationKey } from '@otel-xray/core';

const ANNOTATIONS_ATTRIBUTE = 'aws.xray.annotations';
const METADATA_PREFIX = 'aws.xray.metadata.';
const TRACER_NAME = '@otel-xray/exporter';

// Per-span bookkeeping lives on globalThis: a bundled copy of this module (inside
// @otel-xray/node's bundle) and the installed @otel-xray/exporter must see the same lists.
const shared = ((globalThis as { [key: symbol]: unknown })[
  Symbol.for('@otel-xray/exporter.span-helpers')
] ??= {
  annotationKeys: new WeakMap<Span, string[]>(),
  metadata: new WeakMap<Span, Map<string, Record<string, unknown>>>(),
}) as {
  annotationKeys: WeakMap<Span, string[]>;
  metadata: WeakMap<Span, Map<string, Record<string, unknown>>>;
};
const { annotationKeys, metadata } = shared;

/** A value X-Ray can index. */
export type AnnotationInput = string | number | boolean;

/** Reads an attribute back from SDK spans (which expose `attributes`); undefined otherwise. */
function readAttribute(span: Span, key: string): unknown {
  const attributes = (span as Partial<{ attributes: Attributes }>).attributes;
  return typeof attributes === 'object' && attributes !== null ? attributes[key] : undefined;
}

/**
 * Adds an X-Ray annotation (indexed, searchable with filter expressions such as `annotation.tenant = "t1"`).
 * The key is sanitised as X-Ray requires (characters other than letters, digits and `.` become `_`),
 * stored as a span attribute, and listed in `aws.xray.annotations` so translation indexes it.
 * A value that is not a string, finite number or boolean is ignored with a `diag` warning.
 * @example setAnnotation(span, 'tenant', 't1')
 */
export function setAnnotation(span: Span, key: string, value: AnnotationInput): void {
  try {
    const valid =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!valid) {
      diag.warn(
        `X-Ray annotation ${String(key)} ignored: ${typeof value} is not string, number or boolean`,
      );
      return;
    }
    const fixed = typeof key === 'string' ? sanitizeAnnotationKey(key) : '';
    if (fixed === '') {
      diag.warn('X-Ray annotation ignored: empty key');
      return;
    }
    if (fixed !== key) diag.warn(`X-Ray annotation key "${key}" written as "${fixed}"`);
    let keys = annotationKeys.get(span);
    if (keys === undefined) {
      const existing = readAttribute(span, ANNOTATIONS_ATTRIBUTE);
      keys = Array.isArray(existing)
        ? existing.filter((k): k is string => typeof k === 'string')
        : [];
      annotationKeys.set(span, keys);
    }
    if (!keys.includes(fixed)) {
      keys.push(fixed);
      span.setAttribute(ANNOTATIONS_ATTRIBUTE, [...keys]);
    }
    span.setAttribute(fixed, value);
  } catch (error) {
    diag.warn(`X-Ray annotation ${String(key)} failed: ${String(error)}`);
  }
}

function namespaceObject(span: Span, namespace: string): Record<string, unknown> {
  let byNamespace = metadata.get(span);
  if (byNamespace === undefined) {
    byNamespace = new Map<string, Record<string, unknown>>();
    metadata.set(span, byNamespace);
  }
  let object = byNamespace.get(namespace);
  if (object === undefined) {
    object = {};
    const existing = readAttribute(span, METADATA_PREFIX + namespace);
    if (typeof existing === 'string') {
      try {
        const parsed: unknown = JSON.parse(existing);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          object = parsed as Record<string, unknown>;
      } catch {
        // Not ours: start a fresh namespace.
      }
    }
    byNamespace.set(namespace, object);
  }
  return object;
}

/**
 * Adds X-Ray metadata (not indexed; any JSON value) under `namespace` (default `default`).
 * Stored as the JSON-object string attribute `aws.xray.metadata.<namespace>`, which translation turns
 * into `metadata.<namespace>`. Values that cannot be JSON-serialised (undefined, functions, bigint,
 * cycles) and namespaces starting with `AWS.` (reserved) are ignored with a `diag` warning.
 * @example setMetadata(span, 'order', { id: 'o-1', items: 3 }, 'orders')
 */
export function setMetadata(span: Span, key: string, value: unknown, namespace = 'default'): void {
  try {
    if (
      typeof key !== 'string' ||
      key === '' ||
      typeof namespace !== 'string' ||
      namespace === ''
    ) {
      diag.warn('X-Ray metadata ignored: key and namespace must be non-empty strings');
      return;
    }
    if (namespace.startsWith('AWS.')) {
      diag.warn(`X-Ray metadata ignored: namespace ${namespace} is reserved for AWS`);
      return;
    }
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) {
      diag.warn(`X-Ray metadata ${key} ignored: ${typeof value} is not JSON`);
      return;
    }
    const object = namespaceObject(span, namespace);
    object[key] = JSON.parse(json) as unknown;
    span.setAttribute(METADATA_PREFIX + namespace, JSON.stringify(object));
  } catch (error) {
    diag.warn(`X-Ray metadata ${String(key)} ignored: ${String(error)}`);
  }
}

/** Options of {@link withSubsegment}. */
export interface SubsegmentOptions {
  /** Tracer to start the span with (default: the global tracer `@otel-xray/exporter`). */
  tracer?: Tracer;
  /** Span kind (default INTERNAL: a local subsegment without namespace). */
  kind?: SpanKind;
  /** Initial attributes. */
  attributes?: Attributes;
}

function recordFailure(span: Span, error: unknown): void {
  try {
    const exception = error instanceof Error ? error : String(error);
    span.recordException(exception);
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
  } catch {
    // Recording must never hide the user's error.
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Runs `fn` inside an active child span (an X-Ray subsegment named `name`), sync or async:
 * a thrown error or rejection is recorded as an exception with ERROR status and rethrown unchanged;
 * the span always ends.
 * @example
 * const rows = await withSubsegment('load-orders', () => db.query('SELECT …'));
 */
export function withSubsegment<T>(
  name: string,
  fn: (span: Span) => T,
  options: SubsegmentOptions = {},
): T {
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  const spanOptions = { kind: options.kind, attributes: options.attributes };
  return tracer.startActiveSpan(name, spanOptions, (span): T => {
    let result: T;
    try {
      result = fn(span);
    } catch (error) {
      recordFailure(span, error);
      span.end();
      throw error;
    }
    if (!isPromiseLike(result)) {
      span.end();
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        recordFailure(span, error);
        span.end();
        throw error;
      },
    ) as T;
  });
}
