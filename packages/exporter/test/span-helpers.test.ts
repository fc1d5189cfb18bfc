import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toSegmentDocuments } from '@otel-xray/core';
import { setAnnotation, setMetadata, withSubsegment } from '../src/span-helpers.ts';
import { captureDiag } from './support/diag-capture.ts';
import type { DiagCapture } from './support/diag-capture.ts';

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();
const provider = new TracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'orders' }),
  spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
});
const tracer = provider.getTracer('span-helpers-test');
let logs: DiagCapture | undefined;

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(async () => {
  context.disable();
  await provider.shutdown();
});
afterEach(() => {
  exporter.reset();
  logs?.restore();
  logs = undefined;
});

/** Runs `fn` on a fresh root span, ends it and returns its translated document. */
function translated(fn: (span: Span) => void): Record<string, unknown> {
  const span = tracer.startSpan('root');
  fn(span);
  span.end();
  const finished = exporter.getFinishedSpans().at(-1) as ReadableSpan;
  return toSegmentDocuments(finished)[0] as Record<string, unknown>;
}

describe('setAnnotation', () => {
  it('writes indexed annotations of every allowed type', () => {
    const doc = translated((span) => {
      setAnnotation(span, 'tenant', 't1');
      setAnnotation(span, 'items', 3);
      setAnnotation(span, 'express', true);
    });
    expect(doc.annotations).toEqual({ tenant: 't1', items: 3, express: true });
    expect(doc.metadata).toEqual({ default: { 'otel.resource.service.name': 'orders' } });
  });

  it('sanitises keys as X-Ray does and warns', () => {
    logs = captureDiag();
    const doc = translated((span) => setAnnotation(span, 'order id#1', 'o-1'));
    expect(doc.annotations).toEqual({ order_id_1: 'o-1' });
    expect(logs.warn.join('\n')).toContain('"order id#1" written as "order_id_1"');
  });

  it('ignores values of the wrong type with a diag warning', () => {
    logs = captureDiag();
    const doc = translated((span) => {
      setAnnotation(span, 'bad', { nested: true } as never);
      setAnnotation(span, 'nan', Number.NaN);
      setAnnotation(span, 'ok', 'yes');
    });
    expect(doc.annotations).toEqual({ ok: 'yes' });
    expect(logs.warn.filter((line) => line.includes('ignored'))).toHaveLength(2);
  });

  it('keeps keys listed before the helper was used', () => {
    const doc = translated((span) => {
      span.setAttribute('region', 'eu');
      span.setAttribute('aws.xray.annotations', ['region']);
      setAnnotation(span, 'tenant', 't1');
    });
    expect(doc.annotations).toEqual({ region: 'eu', tenant: 't1' });
  });
});

describe('setMetadata', () => {
  it('puts values under the default namespace', () => {
    const doc = translated((span) => {
      setMetadata(span, 'cart', { items: [1, 2] });
      setMetadata(span, 'note', 'fragile');
    });
    expect(doc.metadata).toEqual({
      default: { 'otel.resource.service.name': 'orders', cart: { items: [1, 2] }, note: 'fragile' },
    });
  });

  it('puts values under their own namespace, merging repeated calls', () => {
    const doc = translated((span) => {
      setMetadata(span, 'id', 'o-1', 'orders');
      setMetadata(span, 'total', 9.5, 'orders');
    });
    expect((doc.metadata as Record<string, unknown>).orders).toEqual({ id: 'o-1', total: 9.5 });
  });

  it('ignores values that are not JSON and reserved namespaces, with warnings', () => {
    logs = captureDiag();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const doc = translated((span) => {
      setMetadata(span, 'u', undefined);
      setMetadata(span, 'big', 10n);
      setMetadata(span, 'loop', cyclic);
      setMetadata(span, 'k', 1, 'AWS.internal');
    });
    expect(doc.metadata).toEqual({ default: { 'otel.resource.service.name': 'orders' } });
    expect(logs.warn.filter((line) => line.includes('X-Ray metadata'))).toHaveLength(4);
  });
});

describe('withSubsegment', () => {
  it('wraps synchronous work in a child subsegment', () => {
    const root = tracer.startSpan('root');
    const value = context.with(trace.setSpan(context.active(), root), () =>
      withSubsegment('compute', () => 42, { tracer }),
    );
    root.end();
    expect(value).toBe(42);
    const [child] = exporter.getFinishedSpans();
    expect(toSegmentDocuments(child!)[0]).toMatchObject({
      name: 'compute',
      type: 'subsegment',
      parent_id: root.spanContext().spanId,
      fault: false,
    });
  });

  it('makes the span active for nested work and ends it after async work', async () => {
    let inner: string | undefined;
    const result = await withSubsegment(
      'load',
      async (span) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        inner = trace.getActiveSpan()?.spanContext().spanId;
        setAnnotation(span, 'rows', 2);
        return 'done';
      },
      { tracer },
    );
    expect(result).toBe('done');
    const [span] = exporter.getFinishedSpans();
    expect(inner).toBe(span!.spanContext().spanId);
    expect(toSegmentDocuments(span!)[0]).toMatchObject({ name: 'load', annotations: { rows: 2 } });
  });

  it('records a thrown error, sets ERROR status and rethrows the same error', () => {
    const failure = new TypeError('bad input');
    expect(() =>
      withSubsegment(
        'validate',
        () => {
          throw failure;
        },
        { tracer },
      ),
    ).toThrow(failure);
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad input' });
    const doc = toSegmentDocuments(span!)[0]!;
    expect(doc.fault).toBe(true);
    expect(doc.cause).toMatchObject({ exceptions: [{ type: 'TypeError', message: 'bad input' }] });
  });

  it('records a rejection and rejects with the same reason', async () => {
    const failure = new Error('timeout');
    await expect(withSubsegment('fetch', () => Promise.reject(failure), { tracer })).rejects.toBe(
      failure,
    );
    const [span] = exporter.getFinishedSpans();
    expect(span!.ended).toBe(true);
    expect(toSegmentDocuments(span!)[0]).toMatchObject({ fault: true, name: 'fetch' });
  });

  it('uses the global tracer when none is given', () => {
    // Without a registered global provider the span is non-recording, and the work still runs.
    expect(withSubsegment('noop', () => 'ran')).toBe('ran');
  });
});
