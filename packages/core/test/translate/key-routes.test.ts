// Where attribute keys go is decided once per key sequence and span context and then reused
// (key-shape.ts, attribute-route.ts): spans with the same keys in another context must not inherit it.
// Each test uses its own first key, so its spans start from a shape no other test has seen.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { toSegmentDocuments } from '@otel-xray/core';
import type { TranslateOptions } from '@otel-xray/core';
import { makeSpan } from '../support/span-factory.ts';
import type { SpanInit } from '../support/span-factory.ts';
import { expectSameJson } from './same-json.ts';

function only(init: SpanInit, options?: TranslateOptions): Record<string, unknown> {
  const span = makeSpan(init);
  expectSameJson(span, options);
  const [doc] = toSegmentDocuments(span, options);
  return doc as unknown as Record<string, unknown>;
}

function spanMetadata(doc: Record<string, unknown>): Record<string, unknown> {
  return (doc.metadata as { default: Record<string, unknown> } | undefined)?.default ?? {};
}

describe('attribute routes reused per key sequence', () => {
  it('follows the keys each span lists in aws.xray.annotations', () => {
    const attrs = (listed: string[]): Attributes => ({
      'route.test.listed': 1,
      'aws.xray.annotations': listed,
      a: 'x',
      b: 'y',
    });
    for (const round of [1, 2]) {
      const first = only({ attributes: attrs(['a']) });
      expect(first.annotations, `round ${round}`).toEqual({ a: 'x' });
      expect(spanMetadata(first).b).toBe('y');
      const second = only({ attributes: attrs(['b']) });
      expect(second.annotations, `round ${round}`).toEqual({ b: 'y' });
      expect(spanMetadata(second).a).toBe('x');
      const none = only({ attributes: { ...attrs([]), 'aws.xray.annotations': 'a' } });
      expect(none.annotations).toBeUndefined();
      expect(spanMetadata(none)['aws.xray.annotations']).toBe('a');
    }
  });

  it('keeps database keys in metadata only when no sql block consumed them', () => {
    const attrs = (system: string): Attributes => ({
      'route.test.sql': true,
      'db.system': system,
      'db.statement': 'SELECT 1',
    });
    for (let round = 0; round < 2; round++) {
      const sql = only({ kind: SpanKind.CLIENT, attributes: attrs('postgresql') });
      expect(sql.sql).toBeDefined();
      expect(spanMetadata(sql)['db.statement']).toBeUndefined();
      const other = only({ kind: SpanKind.CLIENT, attributes: attrs('mongodb') });
      expect(other.sql).toBeUndefined();
      expect(spanMetadata(other)['db.statement']).toBe('SELECT 1');
    }
  });

  it('drops http.status_text only when it became the cause message', () => {
    const attributes: Attributes = { 'route.test.status': 1, 'http.status_text': 'Bad Gateway' };
    for (let round = 0; round < 2; round++) {
      const failed = only({ attributes, status: { code: SpanStatusCode.ERROR } });
      expect(JSON.stringify(failed.cause)).toContain('Bad Gateway');
      expect(spanMetadata(failed)['http.status_text']).toBeUndefined();
      const ok = only({ attributes });
      expect(spanMetadata(ok)['http.status_text']).toBe('Bad Gateway');
    }
  });

  it('stores the resource on segments and not on subsegments of the same keys', () => {
    const attributes: Attributes = { 'route.test.resource': 1, c: 'z' };
    for (let round = 0; round < 2; round++) {
      const segment = spanMetadata(only({ kind: SpanKind.SERVER, attributes }));
      expect(segment['otel.resource.service.name']).toBe('orders');
      expect(segment.c).toBe('z');
      const child = only({ kind: SpanKind.CLIENT, parentSpanId: 'def5f36c82bfb98a', attributes });
      expect(spanMetadata(child)['otel.resource.service.name']).toBeUndefined();
      expect(spanMetadata(child).c).toBe('z');
    }
  });

  it('follows each options object (indexed attributes, dots in annotation keys)', () => {
    const attributes: Attributes = { 'route.test.options': 1, 'k.e.y': 'v' };
    const indexed = { indexedAttributes: ['k.e.y'] };
    const noDots = { indexedAttributes: ['k.e.y'], allowDotInAnnotationKeys: false };
    for (let round = 0; round < 2; round++) {
      expect(only({ attributes }, indexed).annotations).toEqual({ 'k.e.y': 'v' });
      expect(only({ attributes }, noDots).annotations).toEqual({ k_e_y: 'v' });
      const plain = only({ attributes });
      expect(plain.annotations).toBeUndefined();
      expect(spanMetadata(plain)['k.e.y']).toBe('v');
    }
  });

  it('keeps apart sequences that share a first key', () => {
    for (let round = 0; round < 2; round++) {
      for (const last of ['p', 'q', 'r']) {
        const attributes = { 'route.test.shared': 1, [last]: last };
        const doc = only({ parentSpanId: 'def5f36c82bfb98a', attributes });
        expect(spanMetadata(doc)).toEqual({ 'route.test.shared': 1, [last]: last });
      }
    }
  });

  it('reads the values of each span, skipping empty ones', () => {
    const values: unknown[] = ['s', 7, false, [1, 'two'], null, undefined, 1.5];
    for (const value of values) {
      const attributes = { 'route.test.values': 1, v: value } as unknown as Attributes;
      const metadata = spanMetadata(only({ attributes }));
      if (value === null || value === undefined) expect('v' in metadata).toBe(false);
      else expect(metadata.v).toEqual(value);
    }
  });
});
