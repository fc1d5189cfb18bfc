import { describe, expect, it } from 'vitest';
import type { SegmentDocument } from '@otel-xray/core';
import { fitDocument } from '../src/internal/shrink-document.ts';

const base: SegmentDocument = {
  name: 'orders',
  id: '70de5b6f19ff9a0a',
  trace_id: '1-5759e988-bd862e3fe1be46a994272793',
  start_time: 1_700_000_000.1,
  end_time: 1_700_000_000.2,
};

const bytes = (json: string): number => Buffer.byteLength(json);

function frames(count: number): Array<{ path: string; line: number; label: string }> {
  return Array.from({ length: count }, (_, i) => ({
    path: `/app/src/module-${i}.js`,
    line: i,
    label: `fn${i}`,
  }));
}

describe('fitDocument', () => {
  describe('a document within the limit', () => {
    it('returns its JSON unchanged', () => {
      const fitted = fitDocument(base, 64 * 1024);
      expect(fitted).toEqual({ json: JSON.stringify(base), shrunk: false });
    });
  });

  describe('shrink order', () => {
    it('drops metadata first and keeps annotations and cause', () => {
      const doc = {
        ...base,
        annotations: { order: 'o-1' },
        metadata: { default: { blob: 'x'.repeat(5000) } },
        cause: { exceptions: [{ id: 'aaaaaaaaaaaaaaaa', message: 'boom', stack: frames(3) }] },
      };
      const fitted = fitDocument(doc, 2000);
      const out = JSON.parse(fitted!.json);
      expect(fitted!.shrunk).toBe(true);
      expect(out.metadata).toBeUndefined();
      expect(out.annotations).toEqual({ order: 'o-1' });
      expect(out.cause.exceptions[0].stack).toHaveLength(3);
    });

    it('drops metadata of embedded subsegments too', () => {
      const doc = {
        ...base,
        subsegments: [
          {
            name: 'child',
            id: 'bbbbbbbbbbbbbbbb',
            start_time: 1,
            end_time: 2,
            metadata: { default: { blob: 'y'.repeat(5000) } },
          },
        ],
      };
      const out = JSON.parse(fitDocument(doc, 2000)!.json);
      expect(out.subsegments[0].metadata).toBeUndefined();
      expect(out.subsegments[0].name).toBe('child');
    });

    it('then cuts cause stacks to 10 frames and counts the rest in truncated', () => {
      const doc = {
        ...base,
        cause: { exceptions: [{ id: 'aaaaaaaaaaaaaaaa', message: 'boom', stack: frames(200) }] },
      };
      const out = JSON.parse(fitDocument(doc, 2000)!.json);
      expect(out.cause.exceptions[0].stack).toHaveLength(10);
      expect(out.cause.exceptions[0].truncated).toBe(190);
    });

    it('then keeps only the first exception, without stack', () => {
      const exceptions = Array.from({ length: 40 }, (_, i) => ({
        id: `a${String(i).padStart(15, '0')}`,
        message: `failure number ${i}`.padEnd(80, '.'),
        stack: frames(10),
      }));
      const out = JSON.parse(fitDocument({ ...base, cause: { exceptions } }, 1500)!.json);
      expect(out.cause.exceptions).toHaveLength(1);
      expect(out.cause.exceptions[0]).toMatchObject({ id: 'a000000000000000', truncated: 10 });
      expect(out.cause.exceptions[0].stack).toBeUndefined();
    });

    it('then applies X-Ray string and annotation limits', () => {
      const annotations = Object.fromEntries(
        Array.from({ length: 80 }, (_, i) => [`key${i}`, 'v'.repeat(1500)]),
      );
      const doc = {
        ...base,
        http: { request: { url: `https://example.com/${'p'.repeat(5000)}` } },
        annotations,
      };
      const out = JSON.parse(fitDocument(doc, 60_000)!.json);
      expect(Object.keys(out.annotations)).toHaveLength(50);
      expect(out.annotations.key0).toHaveLength(1000);
      expect(out.http.request.url).toHaveLength(250);
    });

    it('cuts strings on a code point boundary (the property test found split emoji)', () => {
      const doc = { ...base, http: { request: { url: `h${'🙂'.repeat(3000)}` } } };
      const out = JSON.parse(fitDocument(doc, 4000)!.json);
      expect(out.http.request.url).toBe(`h${'🙂'.repeat(124)}`);
    });

    it('then drops embedded subsegments', () => {
      const subsegments = Array.from({ length: 50 }, (_, i) => ({
        name: `child-${i}`,
        id: `b${String(i).padStart(15, '0')}`,
        start_time: 1,
        end_time: 2,
      }));
      const out = JSON.parse(fitDocument({ ...base, subsegments }, 1000)!.json);
      expect(out.subsegments).toBeUndefined();
      expect(out.name).toBe('orders');
    });

    it('finally keeps a skeleton: identity, timing, flags and call essentials', () => {
      const doc = {
        ...base,
        parent_id: 'cccccccccccccccc',
        fault: true,
        http: {
          request: { method: 'GET', url: 'https://example.com/x', user_agent: 'u'.repeat(240) },
          response: { status: 503 },
        },
        aws: { operation: 'SendMessage', queue_url: 'q'.repeat(240), region: 'r'.repeat(240) },
        annotations: Object.fromEntries(
          Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'.repeat(100)]),
        ),
        links: Array.from({ length: 20 }, () => ({
          trace_id: base.trace_id,
          id: 'dddddddddddddddd',
        })),
        sql: { sanitized_query: 's'.repeat(240) },
      };
      const fitted = fitDocument(doc, 400)!;
      expect(JSON.parse(fitted.json)).toEqual({
        ...base,
        parent_id: 'cccccccccccccccc',
        fault: true,
        http: {
          request: { method: 'GET', url: 'https://example.com/x' },
          response: { status: 503 },
        },
        aws: { operation: 'SendMessage' },
      });
      expect(bytes(fitted.json)).toBeLessThanOrEqual(400);
    });
  });

  describe('a document that cannot fit', () => {
    it('returns undefined', () => {
      expect(fitDocument({ ...base, name: 'n'.repeat(200) }, 256)).toBeUndefined();
    });
  });

  describe('the input document', () => {
    it('is left unchanged', () => {
      const doc = { ...base, metadata: { default: { blob: 'x'.repeat(5000) } } };
      const before = JSON.stringify(doc);
      fitDocument(doc, 1000);
      expect(JSON.stringify(doc)).toBe(before);
    });
  });
});
