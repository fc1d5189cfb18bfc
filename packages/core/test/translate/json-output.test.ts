// translateSpanJson / toSegmentJson must give, byte for byte, JSON.stringify of the documents
// translateSpan / toSegmentDocuments give: for every row of the rule tables (they run here again with a
// check that also compares the JSON text) and for seeded random spans full of edge cases.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { describe, expect, it, vi } from 'vitest';
import { toSegmentDocuments, toSegmentJson, translateSpanJson } from '@otel-xray/core';
import { exceptionEvent, makeLink, makeSpan } from '../support/span-factory.ts';
import { randomSpans } from './random-spans.ts';
import { expectSameJson } from './same-json.ts';
import type { Case } from './table.ts';
import type * as TableModule from './table.ts';

// Every rule-table row goes through table.ts's check; add the JSON comparison to it.
vi.mock('./table.ts', async (importOriginal) => {
  const table = await importOriginal<typeof TableModule>();
  const { expectSameJson: same } = await import('./same-json.ts');
  return {
    ...table,
    check: (row: Case): void => {
      table.check(row);
      same(table.span(row.span), row.options);
    },
  };
});

// The rule tables, re-run with the check above (their suites register in this file).
await import('./attributes.test.ts');
await import('./aws-sql.test.ts');
await import('./cause.test.ts');
await import('./documents.test.ts');
await import('./http.test.ts');
await import('./names.test.ts');

describe('translateSpanJson', () => {
  describe('random spans', () => {
    it('gives JSON.stringify of every document translateSpan gives, for 400 seeded spans', () => {
      let documents = 0;
      for (const { span, options } of randomSpans(20261126, 400))
        documents += expectSameJson(span, options);
      expect(documents).toBeGreaterThanOrEqual(400);
    });
  });

  describe('keys objects order or drop', () => {
    it('writes index-like, __proto__ and repeated resource keys as an object would', () => {
      const attributes: Attributes = {
        b: 1,
        '10': 'ten',
        '2': 'two',
        'otel.resource.service.name': 'x',
      };
      Object.defineProperty(attributes, '__proto__', { value: 'p', enumerable: true });
      expectSameJson(makeSpan({ kind: SpanKind.SERVER, attributes }));
      expectSameJson(
        makeSpan({ kind: SpanKind.CLIENT, parentSpanId: 'def5f36c82bfb98a', attributes }),
      );
    });

    it('merges aws.xray.metadata.default members and keeps other namespaces first', () => {
      expectSameJson(
        makeSpan({
          attributes: {
            a: 1,
            'aws.xray.metadata.default': '{"a":2,"c":3,"7":"x"}',
            'aws.xray.metadata.Ns': '{"k":[1,{"z":null}]}',
            'aws.xray.metadata.__proto__': '{"k":1}',
          },
        }),
      );
    });
  });

  describe('strings that need escaping', () => {
    it('escapes quotes, backslashes, control characters and lone surrogates like JSON.stringify', () => {
      const texts = [
        'q"uote',
        'back\\slash',
        'line\nbreak\ttab',
        '\u0001\u001f',
        'lone \ud800 x',
        '\udc00',
        '🙂 ok',
      ];
      const attributes: Attributes = {};
      texts.forEach((text, i) => {
        attributes[`k${i}${text}`] = text;
      });
      attributes['http.request.method'] = 'G"ET';
      attributes['url.full'] = 'http://h/p?q="\\"';
      attributes['enduser.id'] = 'u\u2028"';
      attributes['db.system'] = 'postgresql';
      attributes['db.statement'] = 'SELECT "a"\n';
      const span = makeSpan({
        name: 'n"\\\u0000',
        kind: SpanKind.CLIENT,
        parentSpanId: 'def5f36c82bfb98a',
        attributes,
        resourceAttributes: { 'service.name': 's"\\', 'service.version': 'v\n', 'x\ud800': 'y' },
        events: [exceptionEvent('E"', 'm\\', 'Error: x\n    at f (/a "b".js:1:2)')],
        links: [makeLink('0000000100000000000000000000000a', '1111111111111111', { 'q"': 'v\n' })],
        status: { code: SpanStatusCode.ERROR, message: 'bad "thing"' },
      });
      expectSameJson(span, { indexedAttributes: ['k0q"uote', 'k6🙂 ok'] });
    });
  });

  describe('documents over 64 KB', () => {
    it('shrinks them exactly as the object path does', () => {
      const big = 'y'.repeat(30_000);
      const span = makeSpan({
        kind: SpanKind.SERVER,
        attributes: { a: big, b: big, 'c"': `${big}"`, d: 'ö'.repeat(25_000) },
      });
      expect(expectSameJson(span)).toBe(1);
      expect(translateSpanJson(span).problems.map((p) => p.code)).toEqual(['document-truncated']);
    });

    it('keeps a document whose text is long but under 64 KB in bytes', () => {
      expectSameJson(makeSpan({ attributes: { a: 'y'.repeat(40_000) } }));
    });
  });

  describe('toSegmentJson', () => {
    it('equals JSON.stringify of toSegmentDocuments for a span without random ids', () => {
      const span = makeSpan({
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': 'GET' },
      });
      expect(toSegmentJson(span)).toEqual(toSegmentDocuments(span).map((d) => JSON.stringify(d)));
    });

    it('gives [] for a span it refuses', () => {
      expect(toSegmentJson(makeSpan({ traceId: 'nope' }))).toEqual([]);
    });
  });
});
