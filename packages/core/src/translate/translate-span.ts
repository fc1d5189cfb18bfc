// Span → X-Ray segment documents (spec/translation.md): the public entry points.
import { diag } from '@opentelemetry/api';
import type { SegmentDocument } from '../segment-document.ts';
import { docJson } from './internal/doc-json.ts';
import { objects, plan, refuse, tooLarge } from './internal/plan-span.ts';
import type {
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
  const documents = planned.plans.map((p) => docJson(p));
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
