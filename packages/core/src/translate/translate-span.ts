// Span → X-Ray segment documents (spec/translation.md): the public entry points.
import { diag } from '@opentelemetry/api';
import { newSegmentId } from '../ids.ts';
import type { SegmentDocument } from '../segment-document.ts';
import { isDependencyKind } from './internal/constants.ts';
import { hexId, xrayTraceId } from './internal/hex.ts';
import type { Doc } from './internal/make-document.ts';
import { makeDocument } from './internal/make-document.ts';
import { mayExceedLimit, shrinkToFit } from './internal/size-guard.ts';
import { resolveOptions, spanFacts } from './internal/span-facts.ts';
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

function translate(
  span: TranslatableSpan,
  options?: TranslateOptions,
  deps?: TranslateDeps,
): TranslationResult {
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
    parentId = hexId(rawParent, 16);
    if (parentId === undefined)
      return refuse('invalid-parent-id', `parent span id ${rawParent} is not 16 hex digits`);
  }
  if (!validTime(span.startTime) || !validTime(span.endTime))
    return refuse('invalid-time', `span ${id} has an invalid start or end time`);
  if (endsBeforeStart(span.startTime, span.endTime))
    return refuse('end-before-start', `span ${id} ends before it starts`);
  const problems: TranslationProblem[] = [];
  const f = spanFacts(
    span,
    traceId,
    resolveOptions(options),
    deps?.randomId ?? newSegmentId,
    problems,
  );
  let documents: Doc[];
  if (f.localRoot && isDependencyKind(span.kind)) {
    const serviceId = f.newId();
    documents = [
      makeDocument(f, id, serviceId, 'dependency'),
      makeDocument(f, serviceId, parentId, 'service', SERVICE_SEGMENT_EXCLUDES),
    ];
  } else {
    documents = [makeDocument(f, id, parentId, 'auto')];
  }
  const chars = f.scan.textChars + f.resource.textChars;
  if (mayExceedLimit(span, chars, f.keys.length + f.resource.entries.length))
    for (const doc of documents) shrinkToFit(doc, problems);
  return { documents, problems };
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
