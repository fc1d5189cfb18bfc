// Property test of the exporter's size guard (DocumentPreparer → fitJson) over seeded escape-heavy and
// multibyte spans up to and past 64 KB, at the transport limit and at smaller `maxDocumentBytes`.
import { translateSpanJson, validateSegmentDocument } from '@otel-xray/core';
import { describe, expect, it } from 'vitest';
import { oversizedSpans } from '../../core/test/translate/oversized-spans.ts';
import { DocumentPreparer } from '../src/internal/document-preparer.ts';
import { fitJson } from '../src/internal/shrink-document.ts';
import { newStats } from './support/stats.ts';

type Json = Record<string, unknown>;

const CASES = 1000;
const LIMITS = [64 * 1024, 8 * 1024, 256];
const SKELETON = new Set([
  ...['name', 'id', 'trace_id', 'parent_id', 'type', 'start_time', 'end_time', 'in_progress'],
  ...['namespace', 'origin', 'error', 'fault', 'throttle', 'http', 'aws'],
]);
const LONE_SURROGATE =
  /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/;

const bytes = (json: string): number => Buffer.byteLength(json, 'utf8');

interface Exception {
  stack?: unknown[];
}
const exceptionsOf = (doc: Json): Exception[] =>
  (doc.cause as { exceptions?: Exception[] } | undefined)?.exceptions ?? [];

/** Every string outside `annotations`, with its path. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'annotations' && path === '' ? [] : strings(item, `${path}/${key}`),
  );
}

/** Which shrink steps visibly ran, from the document before and after. */
function stepsSeen(before: Json, after: Json) {
  const longBefore = new Map(strings(before).filter(([, text]) => text.length > 250));
  return {
    stacksCut: exceptionsOf(after).some(
      (e, i) => e.stack?.length === 10 && (exceptionsOf(before)[i]?.stack?.length ?? 0) > 10,
    ),
    causeReduced: exceptionsOf(before).length > 1 && exceptionsOf(after).length === 1,
    stringsCapped: strings(after).some(
      ([path, text]) => longBefore.has(path) && text.length < longBefore.get(path)!.length,
    ),
    // Keys only the skeleton step removes (metadata and subsegments go in steps 1 and 5).
    skeleton: Object.keys(before).some(
      (key) => !SKELETON.has(key) && key !== 'metadata' && key !== 'subsegments' && !(key in after),
    ),
  };
}

const cases = oversizedSpans(16, CASES);

describe('DocumentPreparer', () => {
  describe('prepare (seeded escape-heavy and multibyte spans)', () => {
    for (const maxBytes of LIMITS) {
      it(`sends only valid documents of at most ${maxBytes} bytes and counts the rest`, () => {
        const stats = newStats();
        const preparer = new DocumentPreparer({}, stats);
        let ready = 0;
        let lost = 0;
        for (const { span } of cases) {
          const prepared = preparer.prepare([span], maxBytes);
          ready += prepared.ready.length;
          lost += prepared.lost;
          for (const json of prepared.ready) {
            expect(bytes(json)).toBeLessThanOrEqual(maxBytes);
            const validation = validateSegmentDocument(json);
            expect(validation.ok ? [] : validation.problems).toEqual([]);
            expect(json).not.toMatch(LONE_SURROGATE);
          }
        }
        // Every document is sent or counted as lost; too-large drops are counted as such.
        expect(stats.translateErrors).toBe(0);
        expect(ready + lost).toBe(stats.documentsTranslated);
        expect(lost).toBe(stats.documentsDroppedTooLarge);
        expect(stats.documentsShrunk).toBeGreaterThan(0);
        if (maxBytes === 256) expect(stats.documentsDroppedTooLarge).toBeGreaterThan(0);
      });
    }
  });
});

describe('fitJson', () => {
  it('shrinks in the documented order: metadata, stacks, cause, strings, subsegments, skeleton', () => {
    const seen = {
      shrunk: 0,
      stacksCut: 0,
      causeReduced: 0,
      stringsCapped: 0,
      skeleton: 0,
      dropped: 0,
    };
    for (const { span, options } of cases) {
      for (const input of translateSpanJson(span, options).documents) {
        for (const maxBytes of LIMITS) {
          const fitted = fitJson(input, maxBytes);
          if (fitted === undefined) {
            // Dropped only when even the skeleton is over: its name alone, capped, is most of it.
            seen.dropped += 1;
            expect(bytes(input)).toBeGreaterThan(maxBytes);
            continue;
          }
          expect(bytes(fitted.json)).toBeLessThanOrEqual(maxBytes);
          if (!fitted.shrunk) {
            expect(fitted.json).toBe(input);
            continue;
          }
          seen.shrunk += 1;
          expect(bytes(input)).toBeGreaterThan(maxBytes);
          const before = JSON.parse(input) as Json;
          const after = JSON.parse(fitted.json) as Json;
          const steps = stepsSeen(before, after);
          // A later step ran only after the earlier ones: metadata first, then stacks, cause, strings.
          if (Object.values(steps).some(Boolean)) expect(after).not.toHaveProperty('metadata');
          if (steps.causeReduced || steps.stringsCapped || steps.skeleton)
            for (const e of exceptionsOf(after))
              expect(e.stack?.length ?? 0).toBeLessThanOrEqual(10);
          if (steps.stringsCapped || steps.skeleton) {
            expect(exceptionsOf(after).length).toBeLessThanOrEqual(1);
            for (const e of exceptionsOf(after)) expect(e.stack).toBeUndefined();
          }
          if (steps.skeleton)
            for (const [, text] of strings(after)) expect(text.length).toBeLessThanOrEqual(250);
          for (const [key, ran] of Object.entries(steps))
            if (ran) seen[key as keyof typeof seen] += 1;
        }
      }
    }
    expect(Object.entries(seen).filter(([, count]) => count === 0)).toEqual([]);
  });
});
