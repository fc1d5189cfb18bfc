import type { DiagLogger } from '@opentelemetry/api';
import { context, diag, DiagLogLevel, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DOCUMENT_BYTES, toSegmentDocuments, translateSpan } from '@otel-xray/core';
import { exceptionEvent, makeSpan } from '../support/span-factory.ts';
import { schemaErrors } from '../support/segment-schema.ts';
import { PARENT, run, wire } from './table.ts';

function bytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

describe('toSegmentDocuments', () => {
  afterEach(() => diag.disable());

  describe('64 KB document limit (§10)', () => {
    it('drops the largest metadata values, leaves a marker and reports the truncation', () => {
      const { documents, problems } = run({
        parentSpanId: PARENT,
        attributes: { big: 'x'.repeat(70_000), small: 's' },
      });
      const doc = documents[0]!;
      expect(bytes(doc)).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
      expect(doc.metadata).toEqual({
        default: { small: 's' },
        'otel.xray': { truncated: true, dropped_keys: ['default.big'] },
      });
      expect(problems.map((p) => p.code)).toEqual(['document-truncated']);
      expect(schemaErrors(wire(doc))).toEqual([]);
    });

    it('keeps 10 frames per exception and counts the rest in truncated', () => {
      const frames = Array.from(
        { length: 3000 },
        (_, i) => `    at fn${i} (/app/src/module-${i}.js:${i + 1}:1)`,
      );
      const { documents } = run({
        parentSpanId: PARENT,
        resourceAttributes: { 'telemetry.sdk.language': 'nodejs' },
        events: [exceptionEvent('Error', 'deep', ['Error: deep', ...frames].join('\n'))],
      });
      const cause = documents[0]!.cause as {
        exceptions: Array<{ stack: unknown[]; truncated: number }>;
      };
      expect(cause.exceptions[0]!.stack).toHaveLength(10);
      expect(cause.exceptions[0]!.truncated).toBe(2990);
      expect(bytes(documents[0])).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
    });

    it('leaves documents under the limit untouched', () => {
      const { documents, problems } = run({
        parentSpanId: PARENT,
        attributes: { mid: 'y'.repeat(20_000) },
      });
      expect(documents[0]!.metadata).toEqual({ default: { mid: 'y'.repeat(20_000) } });
      expect(problems).toEqual([]);
    });
  });

  describe('serialisation (§11)', () => {
    it("writes keys in the collector's field order", () => {
      const { documents } = run({
        kind: SpanKind.CLIENT,
        parentSpanId: PARENT,
        status: { code: SpanStatusCode.ERROR, message: 'x' },
        resourceAttributes: { 'service.version': '1', 'cloud.platform': 'aws_ec2' },
        attributes: { 'enduser.id': 'u', 'http.method': 'GET', 'db.system': 'mysql', k: 1 },
        options: undefined,
      } as never);
      expect(Object.keys(documents[0]!)).toEqual([
        'name',
        'id',
        'start_time',
        'service',
        'origin',
        'user',
        'trace_id',
        'end_time',
        'http',
        'fault',
        'error',
        'throttle',
        'cause',
        'aws',
        'metadata',
        'namespace',
        'parent_id',
        'type',
        'sql',
      ]);
    });

    it('returns plain JSON-safe objects (bigint and bytes attributes included)', () => {
      const span = makeSpan({ parentSpanId: PARENT, attributes: {} });
      const decoded = {
        ...span,
        spanContext: span.spanContext,
        attributes: { big: 2n ** 70n, raw: new Uint8Array([1, 2]) },
      };
      const { documents } = translateSpan(decoded);
      expect(JSON.parse(JSON.stringify(documents[0]))).toMatchObject({
        metadata: { default: { big: '1180591620717411303424', raw: 'AQI=' } },
      });
    });
  });

  describe('bad input', () => {
    it('returns [] and warns through diag instead of throwing', () => {
      const warn = vi.fn();
      const logger: DiagLogger = {
        error: vi.fn(),
        warn,
        info: vi.fn(),
        debug: vi.fn(),
        verbose: vi.fn(),
      };
      diag.setLogger(logger, DiagLogLevel.WARN);
      const hostile = {
        ...makeSpan(),
        spanContext: () => {
          throw new Error('broken span');
        },
      };
      expect(toSegmentDocuments(hostile)).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('translation-error'));
    });

    it('reports invalid times', () => {
      const span = { ...makeSpan(), startTime: [Number.NaN, 0] as [number, number] };
      expect(translateSpan(span).problems.map((p) => p.code)).toEqual(['invalid-time']);
    });
  });

  describe('input shapes', () => {
    it('accepts a real SDK span, and SDK 1.x spans that carry parentSpanId', async () => {
      const exporter = new InMemorySpanExporter();
      const provider = new TracerProvider({
        spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
      });
      const tracer = provider.getTracer('t');
      const parentSpan = tracer.startSpan('parent');
      const parentContext = trace.setSpan(context.active(), parentSpan);
      tracer.startSpan('child', { kind: SpanKind.CLIENT }, parentContext).end();
      parentSpan.end();
      await provider.forceFlush();
      const [child, parent] = exporter.getFinishedSpans() as [ReadableSpan, ReadableSpan];
      const docs = toSegmentDocuments(child);
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({
        type: 'subsegment',
        parent_id: parent.spanContext().spanId,
        namespace: 'remote',
      });
      const legacy = {
        ...child,
        spanContext: () => child.spanContext(),
        parentSpanContext: undefined,
        parentSpanId: parent.spanContext().spanId,
      };
      expect(toSegmentDocuments(legacy)[0]).toMatchObject({
        parent_id: parent.spanContext().spanId,
      });
      await provider.shutdown();
    });
  });
});
