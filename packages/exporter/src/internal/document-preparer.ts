// Spans → fitted JSON documents: translation straight to JSON text (`translateBatchJson` of
// @otel-xray/core: no document objects, no JSON.stringify pass, each subsegment inside its parent's
// document when both are in the batch), then the transport size limit.
import { diag } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { translateBatchJson } from '@otel-xray/core';
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
  readonly #embed: boolean;
  readonly #warned = new Set<string>();

  /** @param embed write subsegments inside their parents' documents when both are in a batch */
  constructor(options: TranslateOptions, stats: ExporterStats, embed = true) {
    this.#options = options;
    this.#stats = stats;
    this.#embed = embed;
  }

  /** JSON documents of `spans`, each at most `maxBytes`. */
  prepare(spans: readonly ReadableSpan[], maxBytes: number): PreparedDocuments {
    const stats = this.#stats;
    const batch = translateBatchJson(spans, this.#options, { embed: this.#embed, maxBytes });
    // Translation's own shrinking already counted a span's documents (see #note).
    const truncated: boolean[] = [];
    let lost = 0;
    for (let index = 0; index < spans.length; index++) {
      let cut = false;
      for (const problem of batch.problems[index] ?? []) cut = this.#note(problem) || cut;
      truncated.push(cut);
      if (batch.made[index] !== 0) continue;
      stats.translateErrors += 1;
      lost += 1;
    }
    stats.documentsTranslated += batch.documents.length;
    stats.subsegmentsEmbedded += batch.embedded;
    const ready: string[] = [];
    batch.documents.forEach((document, index) => {
      const fitted = this.#fit(document, maxBytes);
      if (fitted === undefined) {
        lost += 1;
        return;
      }
      if (fitted.shrunk && truncated[batch.origins[index] ?? -1] !== true)
        stats.documentsShrunk += 1;
      ready.push(fitted.json);
    });
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
