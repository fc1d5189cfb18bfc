// Property test of the 64 KB size guard (size-guard.ts) over seeded escape-heavy and multibyte spans:
// the pre-check is an upper bound, documents fit or are reported, the steps run in their order.
import { SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, translateSpan, validateSegmentDocument } from '@otel-xray/core';
import type { TranslatableSpan, TranslationProblem } from '@otel-xray/core';
import { resolveOptions, spanFacts } from '../../src/translate/internal/span-facts.ts';
import { spanMayExceedLimit } from '../../src/translate/internal/size-guard.ts';
import { makeSpan } from '../support/span-factory.ts';
import { oversizedSpans } from './oversized-spans.ts';

interface Exception {
  stack?: unknown[];
  truncated?: number;
}
interface Document {
  sql?: { sanitized_query?: string };
  links?: Array<{ attributes?: unknown }>;
  metadata?: Record<string, Record<string, unknown>>;
  cause?: { exceptions?: Exception[] };
}

const CASES = 3000;
const MAX_QUERY = 1000;
const LONE_SURROGATE =
  /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/;

const bytes = (json: string): number => Buffer.byteLength(json, 'utf8');

function preCheck(span: TranslatableSpan, options: Parameters<typeof resolveOptions>[0]): boolean {
  const traceId = `1-${span.spanContext().traceId.slice(0, 8)}-${span.spanContext().traceId.slice(8)}`;
  return spanMayExceedLimit(
    spanFacts(span, traceId, resolveOptions(options), () => '0123456789abcdef', []),
  );
}

const codes = (problems: TranslationProblem[]): string[] => problems.map((p) => p.code);
const exceptionsOf = (doc: Document): Exception[] => doc.cause?.exceptions ?? [];
const linkAttributesKept = (doc: Document): boolean =>
  (doc.links ?? []).some((link) => link.attributes !== undefined);

describe('size guard (64 KB)', () => {
  const cases = oversizedSpans(20261206, CASES).map(({ span, options }) => {
    const result = translateSpan(span, options);
    const json = result.documents.map((doc) => JSON.stringify(doc));
    return { span, options, result, json, preCheck: preCheck(span, options) };
  });

  describe('mayExceedLimit', () => {
    it('is an upper bound: when it says false, every document is under 64 KB', () => {
      const misses = cases
        .filter((c) => !c.preCheck)
        .flatMap((c) => c.json.map(bytes))
        .filter((n) => n > MAX_DOCUMENT_BYTES);
      expect(misses).toEqual([]);
      // The generator reaches both sides of the shortcut.
      expect(cases.filter((c) => !c.preCheck).length).toBeGreaterThan(CASES / 10);
      expect(cases.filter((c) => c.preCheck).length).toBeGreaterThan(CASES / 10);
    });

    it('counts the status message, which becomes the cause of an error span (found by the above)', () => {
      const span = makeSpan({
        status: { code: SpanStatusCode.ERROR, message: '\u0001'.repeat(11_000) },
      });
      expect(preCheck(span, {})).toBe(true);
      expect(codes(translateSpan(span).problems)).toEqual(['document-too-large']);
    });
  });

  describe('shrinkToFit', () => {
    it('gives documents of at most 64 KB, valid, unless it reports document-too-large', () => {
      for (const c of cases) {
        expect(codes(c.result.problems)).not.toContain('translation-error');
        const tooLarge = codes(c.result.problems).includes('document-too-large');
        for (const json of c.json) {
          if (tooLarge) continue;
          expect(bytes(json)).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
          const validation = validateSegmentDocument(json);
          expect(validation.ok ? [] : validation.problems).toEqual([]);
        }
      }
    });

    it('never splits a surrogate pair when it cuts text (well-formed UTF-16 in, well-formed out)', () => {
      for (const c of cases) for (const json of c.json) expect(json).not.toMatch(LONE_SURROGATE);
    });

    it('trims the query on a code point boundary (found by the above)', () => {
      const span = makeSpan({
        attributes: { 'db.system': 'postgresql', 'db.statement': `x${'🙂'.repeat(40_000)}` },
      });
      const doc = translateSpan(span).documents[0] as Document;
      expect(doc.sql?.sanitized_query).toBe(`x${'🙂'.repeat(499)}…`);
    });

    it('runs its steps in order: stacks to 10 frames, query, metadata, link attributes, stacks', () => {
      for (const c of cases) {
        for (const json of c.json) {
          const doc = JSON.parse(json) as Document;
          const exceptions = exceptionsOf(doc);
          const stacksDropped = exceptions.some((e) => e.stack === undefined && e.truncated);
          const linksStripped = c.span.links.length > 0 && !linkAttributesKept(doc);
          const metadataCut = doc.metadata?.['otel.xray'] !== undefined;
          const queryTrimmed = doc.sql?.sanitized_query?.endsWith('…') === true;
          // A later step ran only when every earlier one had run (or had nothing to do).
          if (queryTrimmed || metadataCut || linksStripped || stacksDropped)
            for (const e of exceptions) expect(e.stack?.length ?? 0).toBeLessThanOrEqual(10);
          if (metadataCut || linksStripped || stacksDropped)
            expect(doc.sql?.sanitized_query?.length ?? 0).toBeLessThanOrEqual(MAX_QUERY + 1);
          if (stacksDropped) expect(linkAttributesKept(doc)).toBe(false);
        }
      }
    });

    it('reports document-too-large only when every step ran and the document is still over', () => {
      for (const c of cases.filter((x) =>
        codes(x.result.problems).includes('document-too-large'),
      )) {
        expect(c.json.some((json) => bytes(json) > MAX_DOCUMENT_BYTES)).toBe(true);
        for (const json of c.json) {
          const doc = JSON.parse(json) as Document;
          expect(linkAttributesKept(doc)).toBe(false);
          expect(exceptionsOf(doc).every((e) => e.stack === undefined)).toBe(true);
          // No metadata value is left but the marker.
          const left = Object.entries(doc.metadata ?? {}).filter(([ns]) => ns !== 'otel.xray');
          expect(left.flatMap(([, values]) => Object.keys(values))).toEqual([]);
        }
      }
    });

    it('runs every step on some generated span (query trimming, link and stack dropping, too large)', () => {
      const seen = { query: 0, links: 0, stacks: 0, truncated: 0, tooLarge: 0 };
      for (const c of cases) {
        const problems = codes(c.result.problems);
        if (problems.includes('document-truncated')) seen.truncated += 1;
        if (problems.includes('document-too-large')) seen.tooLarge += 1;
        for (const json of c.json) {
          const doc = JSON.parse(json) as Document;
          if (doc.sql?.sanitized_query?.endsWith('…') === true) seen.query += 1;
          if (c.span.links.length > 0 && doc.links !== undefined && !linkAttributesKept(doc))
            seen.links += 1;
          if (exceptionsOf(doc).some((e) => e.stack === undefined && (e.truncated ?? 0) > 0))
            seen.stacks += 1;
        }
      }
      expect(Object.entries(seen).filter(([, count]) => count === 0)).toEqual([]);
    });
  });
});
