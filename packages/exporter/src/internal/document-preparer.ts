// Span → fitted JSON documents: translation straight to JSON text (`translateSpanJson` of
// @otel-xray/core: no document objects, no JSON.stringify pass), then the transport size limit.
import { diag } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { translateSpanJson } from '@otel-xray/core';
import type { TranslateOptions, TranslationProblem } from '@otel-xray/core';
import type { ExporterStats } from '../types.ts';
import { fitJson } from './shrink-document.ts';
import type { FittedDocument } from './shrink-document.ts';

/** Documents ready to queue, and how many were lost on the way (counted in stats). */
export interface PreparedDocuments {
  ready: string[];
  lost: number;
}

/** Translates and fits spans, counting translation errors, shrinks and size drops. */
export class DocumentPreparer {
  readonly #options: TranslateOptions;
  readonly #stats: ExporterStats;
  readonly #warned = new Set<string>();

  constructor(options: TranslateOptions, stats: ExporterStats) {
    this.#options = options;
    this.#stats = stats;
  }

  /** JSON documents of `spans`, each at most `maxBytes`. */
  prepare(spans: readonly ReadableSpan[], maxBytes: number): PreparedDocuments {
    const stats = this.#stats;
    const ready: string[] = [];
    let lost = 0;
    for (const span of spans) {
      const { documents, problems } = translateSpanJson(span, this.#options);
      let truncated = false;
      for (const problem of problems) truncated = this.#note(problem) || truncated;
      if (documents.length === 0) {
        stats.translateErrors += 1;
        lost += 1;
        continue;
      }
      stats.documentsTranslated += documents.length;
      for (const document of documents) {
        const fitted = this.#fit(document, maxBytes);
        if (fitted === undefined) {
          lost += 1;
          continue;
        }
        if (fitted.shrunk && !truncated) stats.documentsShrunk += 1;
        ready.push(fitted.json);
      }
    }
    return { ready, lost };
  }

  #fit(document: string, maxBytes: number): FittedDocument | undefined {
    let fitted: FittedDocument | undefined;
    try {
      fitted = fitJson(document, maxBytes);
    } catch (error) {
      this.#stats.translateErrors += 1;
      diag.debug('XRaySpanExporter: document not serialisable', error);
      return undefined;
    }
    if (fitted === undefined) {
      this.#stats.documentsDroppedTooLarge += 1;
      this.#warnOnce(
        'too-large',
        `document ${idOf(document)} exceeds ${maxBytes} bytes even shrunk; dropped (counted)`,
      );
    }
    return fitted;
  }

  /** Counts translation's own shrinking (true for it); warns once per problem code. */
  #note(problem: TranslationProblem): boolean {
    const truncated = problem.code === 'document-truncated';
    if (truncated) this.#stats.documentsShrunk += 1;
    this.#warnOnce(problem.code, `${problem.code}: ${problem.message}`);
    return truncated;
  }

  #warnOnce(key: string, text: string): void {
    if (this.#warned.has(key)) {
      diag.debug(`XRaySpanExporter: ${text}`);
      return;
    }
    this.#warned.add(key);
    diag.warn(`XRaySpanExporter: ${text} (further ones at debug level)`);
  }
}

/** The `id` of a serialised document, for a warning (rare path). */
function idOf(json: string): string {
  return /"id":"([^"]*)"/.exec(json)?.[1] ?? '(unknown id)';
}
