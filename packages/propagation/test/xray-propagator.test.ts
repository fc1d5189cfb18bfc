import { describe, expect, it } from 'vitest';
import {
  ROOT_CONTEXT,
  TraceFlags,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
  type SpanContext,
  type TextMapGetter,
} from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import {
  XRayPropagator,
  getIncomingTraceHeader,
  incomingTraceHeaderFields,
  isSamplingUndecided,
} from '@otel-xray/propagation';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const TRACE_ID = '5759e988bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
const propagator = new XRayPropagator();

function extract(carrier: unknown, ctx: Context = ROOT_CONTEXT): Context {
  return propagator.extract(ctx, carrier, defaultTextMapGetter);
}
function inject(ctx: Context): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, defaultTextMapSetter);
  return carrier;
}
function spanOf(ctx: Context): SpanContext | undefined {
  return trace.getSpanContext(ctx);
}
function local(traceFlags: number, spanId = 'a1b2c3d4e5f60718'): Context {
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId, traceFlags });
}

describe('XRayPropagator', () => {
  describe('fields', () => {
    it('names the lowercase header', () => {
      expect(propagator.fields()).toEqual(['x-amzn-trace-id']);
    });
  });

  describe('extract', () => {
    it('turns a sampled header into a remote sampled span context', () => {
      const ctx = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=1` });
      expect(spanOf(ctx)).toEqual({
        traceId: TRACE_ID,
        spanId: PARENT,
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
      expect(isSamplingUndecided(ctx)).toBe(false);
      expect(getIncomingTraceHeader(ctx)).toBeUndefined();
    });
    it('turns Sampled=0 into a not-sampled, decided parent', () => {
      const ctx = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=0` });
      expect(spanOf(ctx)?.traceFlags).toBe(TraceFlags.NONE);
      expect(isSamplingUndecided(ctx)).toBe(false);
    });
    it.each([
      ['Sampled=?', `;Sampled=?`, '?'],
      ['no Sampled', '', undefined],
    ])('keeps the parent and marks sampling undecided for %s', (_name, tail, flag) => {
      const ctx = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT}${tail}` });
      expect(spanOf(ctx)).toMatchObject({ traceId: TRACE_ID, spanId: PARENT, traceFlags: 0 });
      expect(isSamplingUndecided(ctx)).toBe(true);
      expect(getIncomingTraceHeader(ctx)?.sampled).toBe(flag);
    });
    it('finds the header under any name case and takes the first array element', () => {
      const ctx = extract({ 'X-Amzn-Trace-Id': [`Root=${ROOT};Parent=${PARENT};Sampled=1`, 'x'] });
      expect(spanOf(ctx)?.spanId).toBe(PARENT);
    });
    it('accepts what the X-Ray SDK for Node accepts: key case, order, spaces', () => {
      const ctx = extract({ 'x-amzn-trace-id': ` sampled = 1 ; parent=${PARENT} ;ROOT=${ROOT} ;` });
      expect(spanOf(ctx)?.traceFlags).toBe(TraceFlags.SAMPLED);
    });
    it('lowercases uppercase IDs', () => {
      const ctx = extract({
        'x-amzn-trace-id': `Root=${ROOT.toUpperCase()};Parent=${PARENT.toUpperCase()};Sampled=1`,
      });
      expect(spanOf(ctx)).toMatchObject({ traceId: TRACE_ID, spanId: PARENT });
    });
    it('preserves the trace state of the context it extracts into', () => {
      const traceState = new TraceState('vendor=value');
      const base = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: '0'.repeat(31) + '1',
        spanId: '0'.repeat(15) + '1',
        traceFlags: 0,
        traceState,
      });
      const ctx = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=1` }, base);
      expect(spanOf(ctx)?.traceState).toBe(traceState);
    });
    it('keeps Lineage and unknown fields for inject', () => {
      const ctx = extract({
        'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=1;Lineage=1:fcb2f2e4:0;Team=a`,
      });
      const incoming = getIncomingTraceHeader(ctx);
      expect(incoming?.traceId).toBe(TRACE_ID);
      expect(incomingTraceHeaderFields(incoming!)).toEqual({
        root: ROOT,
        parent: PARENT,
        sampled: '1',
        lineage: '1:fcb2f2e4:0',
        extra: [['Team', 'a']],
      });
    });
    it('gives no span context for a Root without Parent but keeps its Lineage', () => {
      const ctx = extract({ 'x-amzn-trace-id': `Root=${ROOT};Lineage=a87bd80c:1` });
      expect(spanOf(ctx)).toBeUndefined();
      expect(incomingTraceHeaderFields(getIncomingTraceHeader(ctx)!).lineage).toBe('a87bd80c:1');
    });
    it('clears an incoming header left by an earlier extraction', () => {
      const first = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Lineage=x:1` });
      const second = extract(
        { 'x-amzn-trace-id': `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=1` },
        first,
      );
      expect(getIncomingTraceHeader(second)).toBeUndefined();
    });
    it.each([
      ['no header', {}],
      ['a null carrier', null],
      ['an empty header', { 'x-amzn-trace-id': '' }],
      ['an invalid Root', { 'x-amzn-trace-id': `Root=1-xyz;Parent=${PARENT};Sampled=1` }],
      ['an invalid Parent', { 'x-amzn-trace-id': `Root=${ROOT};Parent=0000000000000000` }],
      ['Sampled=yes', { 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=yes` }],
      ['a number', { 'x-amzn-trace-id': 5 }],
      ['a 1 MB header', { 'x-amzn-trace-id': `Root=${ROOT};`.repeat(30_000) }],
    ])('returns the context unchanged for %s', (_name, carrier) => {
      expect(extract(carrier)).toBe(ROOT_CONTEXT);
    });
    it('returns the context unchanged when the getter throws', () => {
      const getter: TextMapGetter = {
        get: () => {
          throw new Error('boom');
        },
        keys: () => [],
      };
      expect(propagator.extract(ROOT_CONTEXT, {}, getter)).toBe(ROOT_CONTEXT);
    });
  });

  describe('inject', () => {
    it('writes the canonical header for a sampled span', () => {
      expect(inject(local(TraceFlags.SAMPLED))).toEqual({
        'x-amzn-trace-id': `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=1`,
      });
    });
    it('writes Sampled=0 for a span that is not sampled', () => {
      expect(inject(local(TraceFlags.NONE))['x-amzn-trace-id']).toMatch(/;Sampled=0$/);
    });
    it('writes IDs as the span context holds them (OpenTelemetry IDs are lowercase)', () => {
      const ctx = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: TRACE_ID.toUpperCase(),
        spanId: 'A1B2C3D4E5F60718',
        traceFlags: 1,
      });
      expect(inject(ctx)['x-amzn-trace-id']).toBe(
        `Root=${ROOT.toUpperCase()};Parent=A1B2C3D4E5F60718;Sampled=1`,
      );
    });
    it('writes nothing without a valid span context', () => {
      expect(inject(ROOT_CONTEXT)).toEqual({});
      const invalid = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: '0'.repeat(32),
        spanId: PARENT,
        traceFlags: 1,
      });
      expect(inject(invalid)).toEqual({});
    });
  });

  describe('round trip', () => {
    const header = `Root=${ROOT};Parent=${PARENT};Sampled=1;Lineage=a87bd80c:1|68fd508a:5;Team=a;Env=prod`;

    it('re-emits an extracted header unchanged when no span was started', () => {
      expect(inject(extract({ 'x-amzn-trace-id': header }))['x-amzn-trace-id']).toBe(header);
    });
    it('re-emits Lineage and unknown fields from a child span', () => {
      const extracted = extract({ 'x-amzn-trace-id': header });
      const child = trace.setSpanContext(extracted, {
        traceId: TRACE_ID,
        spanId: 'a1b2c3d4e5f60718',
        traceFlags: 1,
      });
      expect(inject(child)['x-amzn-trace-id']).toBe(
        `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=1;Lineage=a87bd80c:1|68fd508a:5;Team=a;Env=prod`,
      );
    });
    it.each([
      ['Sampled=?', `Root=${ROOT};Parent=${PARENT};Sampled=?`],
      ['no Sampled', `Root=${ROOT};Parent=${PARENT}`],
    ])('forwards %s undecided while no span decided', (_name, value) => {
      expect(inject(extract({ 'x-amzn-trace-id': value }))['x-amzn-trace-id']).toBe(value);
    });
    it('writes the decision of a child span started under an undecided parent', () => {
      const extracted = extract({ 'x-amzn-trace-id': `Root=${ROOT};Parent=${PARENT};Sampled=?` });
      const child = trace.setSpanContext(extracted, {
        traceId: TRACE_ID,
        spanId: 'a1b2c3d4e5f60718',
        traceFlags: TraceFlags.SAMPLED,
      });
      expect(isSamplingUndecided(child)).toBe(false);
      expect(inject(child)['x-amzn-trace-id']).toBe(
        `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=1`,
      );
    });
  });
});
