// Span → X-Ray segment documents (spec/translation.md): the public entry points.
import { diag } from '@opentelemetry/api';
import { newSegmentId } from '../ids.ts';
import type { SegmentDocument } from '../segment-document.ts';
import { isDependencyKind } from './internal/constants.ts';
import { hexId, parentHexId, xrayTraceId } from './internal/hex.ts';
import { traceEpochInWindow } from './internal/trace-epoch.ts';
import { docJson } from './internal/doc-json.ts';
import type { Doc, DocPlan } from './internal/doc-plan.ts';
import { docObject } from './internal/doc-plan.ts';
import { makeDocument } from './internal/make-document.ts';
import { shrinkToFit, spanMayExceedLimit } from './internal/size-guard.ts';
import type { SpanFacts } from './internal/span-facts.ts';
import { resolveOptions, spanFacts } from './internal/span-facts.ts';
import { MAX_DOCUMENT_BYTES } from '../segment-document.ts';
import type {
  TranslatableHrTime,
  TranslatableSpan,
  TranslateDeps,
  TranslateOptions,
  TranslationProblem,
} from './translatable-span.ts';

/** What {@link translateSpan} returns: the documents (empty when the span was refused) and why. */
export interface TranslationResult {
  /** Usually one document; two for a local-root CLIENT/PRODUCER/CONSUMER span; none when refused. */
  documents: SegmentDocument[];
  /** Fatal reasons (documents empty) and repairs made to keep documents valid. */
  problems: TranslationProblem[];
}

/** What {@link translateSpanJson} returns: the documents as JSON text (empty when refused) and why. */
export interface TranslationJsonResult {
  /** `JSON.stringify` of each document {@link translateSpan} gives for the same span, byte for byte. */
  documents: string[];
  /** Fatal reasons (documents empty) and repairs made to keep documents valid. */
  problems: TranslationProblem[];
}

// Attributes the service segment of a split local-root span is translated without (§1.2).
const SERVICE_SEGMENT_EXCLUDES: ReadonlySet<string> = new Set([
  'aws.remote.service',
  'aws.remote.operation',
  'remoteTarget',
  'K8s.RemoteNamespace',
]);

function refuse(code: string, message: string): TranslationResult {
  return { documents: [], problems: [{ code, message, fatal: true }] };
}

function isAllZero(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return false;
  return true;
}

function validTime(time: TranslatableHrTime | undefined): boolean {
  return (
    Array.isArray(time) &&
    Number.isFinite(time[0]) &&
    Number.isFinite(time[1]) &&
    time[0] + time[1] / 1e9 >= 0
  );
}

function endsBeforeStart(start: TranslatableHrTime, end: TranslatableHrTime): boolean {
  return end[0] < start[0] || (end[0] === start[0] && end[1] < start[1]);
}

/** The plans of a span's documents, or the refusal. */
interface Planned {
  plans: DocPlan[];
  problems: TranslationProblem[];
  facts: SpanFacts;
}

function plan(
  span: TranslatableSpan,
  options: TranslateOptions | undefined,
  deps: TranslateDeps | undefined,
): Planned | TranslationResult {
  const context = span.spanContext();
  const traceId = xrayTraceId(context.traceId);
  if (traceId === undefined)
    return refuse(
      'invalid-trace-id',
      `trace id ${String(context.traceId)} is not 32 hex digits (or is all zero)`,
    );
  const id = hexId(context.spanId, 16);
  if (id === undefined)
    return refuse(
      'invalid-span-id',
      `span id ${String(context.spanId)} is not 16 hex digits (or is all zero)`,
    );
  const rawParent = span.parentSpanContext?.spanId ?? span.parentSpanId;
  let parentId: string | undefined;
  if (typeof rawParent === 'string' && rawParent !== '' && !isAllZero(rawParent)) {
    parentId = parentHexId(rawParent);
    if (parentId === undefined)
      return refuse('invalid-parent-id', `parent span id ${rawParent} is not 16 hex digits`);
  }
  if (!validTime(span.startTime) || !validTime(span.endTime))
    return refuse('invalid-time', `span ${id} has an invalid start or end time`);
  if (endsBeforeStart(span.startTime, span.endTime))
    return refuse('end-before-start', `span ${id} ends before it starts`);
  const resolved = resolveOptions(options);
  let epochNow: number | undefined;
  if (resolved.validateEpoch) {
    epochNow = Math.floor((deps?.now ?? Date.now)() / 1000);
    if (!traceEpochInWindow(traceId, epochNow))
      return refuse(
        'trace-id-timestamp',
        `trace id ${traceId} is older than 30 days or ahead of the clock (X-Ray rejects it)`,
      );
  }
  const problems: TranslationProblem[] = [];
  const f = spanFacts(span, traceId, resolved, deps?.randomId ?? newSegmentId, problems, epochNow);
  let plans: DocPlan[];
  if (f.localRoot && isDependencyKind(span.kind)) {
    const serviceId = f.newId();
    plans = [
      makeDocument(f, id, serviceId, 'dependency'),
      makeDocument(f, serviceId, parentId, 'service', SERVICE_SEGMENT_EXCLUDES),
    ];
  } else {
    plans = [makeDocument(f, id, parentId, 'auto')];
  }
  return { plans, problems, facts: f };
}

/** The document objects of planned documents, shrunk to fit when they might exceed 64 KB. */
function objects(planned: Planned): Doc[] {
  const documents = planned.plans.map(docObject);
  if (spanMayExceedLimit(planned.facts))
    for (const doc of documents) shrinkToFit(doc, planned.problems);
  return documents;
}

/** A document the object path would shrink: over 64 KB, from a span the pre-check lets through. */
function tooLarge(json: string, f: SpanFacts): boolean {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (json.length * 3 <= MAX_DOCUMENT_BYTES) return false;
  return Buffer.byteLength(json, 'utf8') > MAX_DOCUMENT_BYTES && spanMayExceedLimit(f);
}

function translate(
  span: TranslatableSpan,
  options?: TranslateOptions,
  deps?: TranslateDeps,
): TranslationResult {
  const planned = plan(span, options, deps);
  if (!('plans' in planned)) return planned;
  return { documents: objects(planned), problems: planned.problems };
}

function translateJson(
  span: TranslatableSpan,
  options?: TranslateOptions,
  deps?: TranslateDeps,
): TranslationJsonResult {
  const planned = plan(span, options, deps);
  if (!('plans' in planned)) return { documents: [], problems: planned.problems };
  const documents = planned.plans.map(docJson);
  // Over 64 KB: the shrinking steps work on the objects (rare).
  for (const json of documents)
    if (tooLarge(json, planned.facts))
      return {
        documents: objects(planned).map((doc) => JSON.stringify(doc)),
        problems: planned.problems,
      };
  return { documents, problems: planned.problems };
}

/**
 * Translates a span into X-Ray segment documents and reports why when it cannot (never throws).
 * `deps.randomId` replaces the random 16-hex ids (exceptions, the synthetic segment of §1.2) in tests.
 * @example
 * const { documents, problems } = translateSpan(span, { indexedAttributes: ['order.id'] });
 */
export function translateSpan(
  span: TranslatableSpan,
  options?: TranslateOptions,
  deps?: TranslateDeps,
): TranslationResult {
  try {
    return translate(span, options, deps);
  } catch (error) {
    return refuse('translation-error', `translation failed: ${String(error)}`);
  }
}

/**
 * Translates a span (`ReadableSpan` of @opentelemetry/sdk-trace-base, or any {@link TranslatableSpan})
 * into X-Ray segment documents, following the AWS collector's awsxrayexporter (see TRANSLATION.md).
 * A span that cannot be translated gives `[]` and a `diag` warning; it never throws.
 * @example
 * const docs = toSegmentDocuments(span);
 * socket.send(`${DAEMON_HEADER}\n${JSON.stringify(docs[0])}`);
 */
export function toSegmentDocuments(
  span: TranslatableSpan,
  options?: TranslateOptions,
): SegmentDocument[] {
  const result = translateSpan(span, options);
  for (const problem of result.problems) {
    diag.warn(`X-Ray translation: ${problem.code}: ${problem.message}`);
  }
  return result.documents;
}

/**
 * Like {@link translateSpan}, but gives each document as its JSON text, written directly (no document
 * objects, no `JSON.stringify` pass): byte-identical to `documents.map((d) => JSON.stringify(d))`.
 * @example
 * const { documents } = translateSpanJson(span);
 * for (const json of documents) socket.send(`${DAEMON_HEADER}\n${json}`);
 */
export function translateSpanJson(
  span: TranslatableSpan,
  options?: TranslateOptions,
  deps?: TranslateDeps,
): TranslationJsonResult {
  try {
    return translateJson(span, options, deps);
  } catch (error) {
    return {
      documents: [],
      problems: refuse('translation-error', `translation failed: ${String(error)}`).problems,
    };
  }
}

/**
 * Translates a span like {@link toSegmentDocuments} and returns each document as JSON text, exactly
 * `toSegmentDocuments(span, options).map((d) => JSON.stringify(d))` but about twice as fast: what the
 * UDP daemon path and `PutTraceSegments` send. `[]` (and a `diag` warning) when refused; never throws.
 * @example
 * for (const json of toSegmentJson(span)) socket.send(`${DAEMON_HEADER}\n${json}`);
 */
export function toSegmentJson(span: TranslatableSpan, options?: TranslateOptions): string[] {
  const result = translateSpanJson(span, options);
  for (const problem of result.problems) {
    diag.warn(`X-Ray translation: ${problem.code}: ${problem.message}`);
  }
  return result.documents;
}
