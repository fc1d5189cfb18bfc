// LeanTracer against the SDK's Tracer: the same calls on both must give the same spans — attributes
// (checked, limited, truncated, dropped), sampler decisions, links, events, status, processor calls.
import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { suppressTracing, TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  SamplingDecision,
  TracerProvider,
  type IdGenerator,
  type ReadableSpan,
  type Sampler,
  type SamplingResult,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SPAN_LIMITS, type LeanSpanLimits } from '../../src/instrumentation/lean-span-limits.ts';
import { LeanTracer } from '../../src/instrumentation/lean-tracer.ts';

/** IDs in sequence, so both tracers give the same ones. */
function counterIds(): IdGenerator {
  let n = 0;
  const hex = (width: number): string => (++n).toString(16).padStart(width, '0');
  return { generateTraceId: () => hex(32), generateSpanId: () => hex(16) };
}

/** Records every processor call, with the span's state at that moment. */
function recorder(): SpanProcessor & { calls: string[]; ended: ReadableSpan[] } {
  const calls: string[] = [];
  const ended: ReadableSpan[] = [];
  return {
    calls,
    ended,
    onStart: (span, parent) => calls.push(`start ${span.name} ${parent === ROOT_CONTEXT}`),
    onEnding: (span) => calls.push(`ending ${span.name} ${span.ended}`),
    onEnd: (span) => {
      calls.push(`end ${span.name} ${span.ended}`);
      ended.push(span);
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}

/** A sampler that decides by span name and adds an attribute to spans named `tagged`. */
const sampler: Sampler = {
  shouldSample: (_context, _traceId, name, _kind, attributes): SamplingResult => {
    if (name === 'dropped') return { decision: SamplingDecision.NOT_RECORD };
    if (name === 'record-only') return { decision: SamplingDecision.RECORD };
    const seen = Object.keys(attributes).sort().join(',');
    return {
      decision: SamplingDecision.RECORD_AND_SAMPLED,
      traceState: name === 'stated' ? new TraceState('k=v') : undefined,
      attributes: name === 'tagged' ? { 'sampler.saw': seen } : undefined,
    };
  },
  toString: () => 'test sampler',
};

const resource = resourceFromAttributes({ 'service.name': 'parity' });

function pair(limits: LeanSpanLimits = SPAN_LIMITS): Array<{
  tracer: Tracer;
  processor: ReturnType<typeof recorder>;
}> {
  const sdkProcessor = recorder();
  const sdk = new TracerProvider({
    resource,
    sampler,
    idGenerator: counterIds(),
    spanLimits: limits,
    spanProcessors: [sdkProcessor],
  }).getTracer('@otel-xray/node');
  const leanProcessor = recorder();
  const lean = new LeanTracer({
    sampler,
    idGenerator: counterIds(),
    resource,
    limits,
    processors: [leanProcessor],
    scope: { name: '@otel-xray/node', version: undefined, schemaUrl: undefined },
  });
  return [
    { tracer: sdk, processor: sdkProcessor },
    { tracer: lean, processor: leanProcessor },
  ];
}

/** What a span exporter reads, times left out. */
function view(span: ReadableSpan): object {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    status: span.status,
    attributes: span.attributes,
    links: span.links,
    events: span.events.map(({ name, attributes, droppedAttributesCount }) => ({
      name,
      attributes,
      droppedAttributesCount,
    })),
    ended: span.ended,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
    instrumentationScope: span.instrumentationScope,
    resource: span.resource === resource,
  };
}

/** Runs `script` with the SDK's tracer and with ours; both must end the same spans. */
function expectSameSpans(
  script: (tracer: Tracer) => void,
  limits?: LeanSpanLimits,
): ReadableSpan[] {
  const [sdk, lean] = pair(limits);
  script(sdk!.tracer);
  script(lean!.tracer);
  expect(lean!.processor.ended.map(view)).toEqual(sdk!.processor.ended.map(view));
  expect(lean!.processor.calls).toEqual(sdk!.processor.calls);
  return lean!.processor.ended;
}

const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: '53995c3f42cd8ad8',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
  traceState: new TraceState('a=1'),
});

describe('LeanTracer, beside the SDK tracer', () => {
  it('starts spans with the same checked attributes, whatever the values', () => {
    const weird: Attributes = {
      'http.request.method': 'GET',
      'server.port': 8080,
      secure: false,
      missing: undefined,
      list: ['a', 'b'],
      nested: { a: 1, b: [true] },
      bad: () => 1,
      '': 'empty key',
    };
    const spans = expectSameSpans((tracer) => {
      tracer.startSpan('plain', { kind: SpanKind.SERVER, attributes: { a: 'x', n: 1 } }).end();
      tracer.startSpan('mixed', { attributes: weird }).end();
      tracer.startSpan('tagged', { attributes: { z: 'z', a: 'a', gone: undefined } }).end();
      tracer.startSpan('none').end();
    });
    expect(spans[0]!.attributes).toEqual({ a: 'x', n: 1 });
    expect(spans[1]!.droppedAttributesCount).toBe(2);
    expect(spans[2]!.attributes).toEqual({ z: 'z', a: 'a', 'sampler.saw': 'a,z' });
  });

  it('keeps the sampler decision, the parent and its trace state', () => {
    expectSameSpans((tracer) => {
      tracer.startSpan('child', { kind: SpanKind.CLIENT }, remoteParent).end();
      tracer.startSpan('stated', {}, remoteParent).end();
      tracer.startSpan('record-only').end();
      tracer.startSpan('root', { root: true }, remoteParent).end();
    });
    const [, lean] = pair();
    const dropped = lean!.tracer.startSpan('dropped', {}, remoteParent);
    expect(dropped.isRecording()).toBe(false);
    expect(dropped.spanContext().traceId).toBe('5759e988bd862e3fe1be46a994272793');
    expect(dropped.spanContext().traceFlags).toBe(TraceFlags.NONE);
    const suppressed = lean!.tracer.startSpan('quiet', {}, suppressTracing(ROOT_CONTEXT));
    expect(trace.isSpanContextValid(suppressed.spanContext())).toBe(false);
    expect(lean!.processor.calls).toEqual([]);
  });

  it('sets attributes as the SDK does: limits, truncation, odd values, after the end', () => {
    const limits = { ...SPAN_LIMITS, attributeCountLimit: 4, attributeValueLengthLimit: 5 };
    const spans = expectSameSpans((tracer) => {
      const span = tracer.startSpan('limited', { attributes: { start: 'abcdefgh' } });
      span.setAttribute('short', 'abc');
      span.setAttribute('long', 'abcdefghij');
      span.setAttribute('short', 'replaced-long');
      span.setAttribute('number', 42);
      span.setAttribute('over', 'the limit');
      span.setAttribute('number', 43);
      span.setAttribute('', 'x');
      span.setAttribute('undefined', undefined);
      span.setAttributes({ list: ['abcdefgh'], more: true });
      span.end();
      span.setAttribute('late', 'x');
      const open = tracer.startSpan('open');
      open.setAttribute('list', ['x', 1] as never);
      open.setAttribute('map', { k: 'v' });
      open.setAttribute('fn', () => 1);
      open.end();
    }, limits);
    expect(spans[0]!.attributes).toEqual({
      start: 'abcde',
      short: 'repla',
      long: 'abcde',
      number: 43,
    });
    expect(spans[0]!.droppedAttributesCount).toBe(3);
  });

  it('records events, exceptions, links, status and names as the SDK does', () => {
    const limits = { ...SPAN_LIMITS, eventCountLimit: 2, linkCountLimit: 1 };
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    expectSameSpans((tracer) => {
      const span = tracer.startSpan('busy', {
        links: [
          { context: trace.getSpanContext(remoteParent)!, attributes: { l: 1 } },
          { context: trace.getSpanContext(remoteParent)!, attributes: { l: 2 } },
        ],
      });
      span.addEvent('first', { e: 'x', bad: {} });
      span.addEvent('timed', 1_700_000_000_000);
      span.recordException(error);
      span.recordException('just a message');
      span.recordException({} as Error);
      span.addLink({ context: trace.getSpanContext(remoteParent)!, attributes: { l: 3 } });
      span.addLinks([]);
      span.setStatus({ code: SpanStatusCode.UNSET });
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'failed' });
      span.setStatus({ code: SpanStatusCode.OK });
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'after ok' });
      span.updateName('renamed');
      span.end();
      span.end();
      span.updateName('too late');
      span.addEvent('too late');
    }, limits);
  });

  it('times spans from the same clock, explicit times kept', () => {
    const [, lean] = pair();
    const before = Date.now();
    const span = lean!.tracer.startSpan('timed');
    span.end();
    const [ended] = lean!.processor.ended;
    const startMs = ended!.startTime[0] * 1e3 + ended!.startTime[1] / 1e6;
    expect(startMs).toBeGreaterThanOrEqual(before - 1);
    expect(ended!.duration[0]).toBeGreaterThanOrEqual(0);
    expect(ended!.duration[0] >= 0 && ended!.duration[1] >= 0).toBe(true);
    const explicit = expectSameSpans((tracer) => {
      tracer.startSpan('explicit', { startTime: [1_700_000_000, 5] }).end([1_700_000_001, 7]);
      tracer.startSpan('backwards', { startTime: [1_700_000_002, 0] }).end([1_700_000_001, 0]);
    });
    expect(explicit[0]!.startTime).toEqual([1_700_000_000, 5]);
    expect(explicit[0]!.duration).toEqual([1, 2]);
    expect(explicit[1]!.duration).toEqual([0, 0]);
  });

  it('runs startActiveSpan with the span active, in the given context', () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    onTestFinished(() => {
      manager.disable();
      context.disable();
    });
    const [, lean] = pair();
    let active: Span | undefined;
    const result = lean!.tracer.startActiveSpan('active', {}, remoteParent, (span: Span) => {
      active = trace.getActiveSpan();
      span.end();
      return 7;
    });
    expect(result).toBe(7);
    expect(active?.spanContext().traceId).toBe('5759e988bd862e3fe1be46a994272793');
    const short = lean!.tracer.startActiveSpan('short', (span: Span) => {
      span.end();
      return context.active() === ROOT_CONTEXT;
    });
    expect(short).toBe(false);
  });
});
