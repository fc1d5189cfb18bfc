import { describe, expect, it } from 'vitest';
import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
} from '@opentelemetry/api';
import { AWSXRayLambdaPropagator } from '@opentelemetry/propagator-aws-xray-lambda';
import {
  LAMBDA_TRACE_HEADER_ENV,
  XRayLambdaPropagator,
  getIncomingTraceHeader,
  incomingTraceHeaderFields,
} from '@otel-xray/propagation';

const ENV_HEADER =
  'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Parent=0a1b2c3d4e5f6071;Sampled=1;Lineage=1:fcb2f2e4:0';
const HTTP_HEADER = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

function lambda(header: string | undefined) {
  return new XRayLambdaPropagator({ readTraceHeader: () => header });
}
function spanId(ctx: Context): string | undefined {
  return trace.getSpanContext(ctx)?.spanId;
}

describe('XRayLambdaPropagator', () => {
  describe('extract', () => {
    it('prefers _X_AMZN_TRACE_ID over the carrier when no span is active', () => {
      const ctx = lambda(ENV_HEADER).extract(
        ROOT_CONTEXT,
        { 'x-amzn-trace-id': HTTP_HEADER },
        defaultTextMapGetter,
      );
      expect(spanId(ctx)).toBe('0a1b2c3d4e5f6071');
      expect(incomingTraceHeaderFields(getIncomingTraceHeader(ctx)!).lineage).toBe('1:fcb2f2e4:0');
    });
    it('uses the carrier when a valid span is already active', () => {
      const active = trace.setSpanContext(ROOT_CONTEXT, {
        traceId: 'f'.repeat(32),
        spanId: 'e'.repeat(16),
        traceFlags: 1,
      });
      const ctx = lambda(ENV_HEADER).extract(
        active,
        { 'x-amzn-trace-id': HTTP_HEADER },
        defaultTextMapGetter,
      );
      expect(spanId(ctx)).toBe('53995c3f42cd8ad8');
    });
    it.each([
      ['unset', undefined],
      ['empty', ''],
      ['malformed', 'Root=garbage'],
    ])('falls back to the carrier when the variable is %s', (_name, value) => {
      const ctx = lambda(value).extract(
        ROOT_CONTEXT,
        { 'x-amzn-trace-id': HTTP_HEADER },
        defaultTextMapGetter,
      );
      expect(spanId(ctx)).toBe('53995c3f42cd8ad8');
    });
    it('survives a reader that throws', () => {
      const propagator = new XRayLambdaPropagator({
        readTraceHeader: () => {
          throw new Error('no env');
        },
      });
      expect(propagator.extract(ROOT_CONTEXT, {}, defaultTextMapGetter)).toBe(ROOT_CONTEXT);
    });
    it('reads process.env._X_AMZN_TRACE_ID on every extract by default', () => {
      const propagator = new XRayLambdaPropagator();
      const previous = process.env[LAMBDA_TRACE_HEADER_ENV];
      try {
        process.env[LAMBDA_TRACE_HEADER_ENV] = ENV_HEADER;
        expect(spanId(propagator.extract(ROOT_CONTEXT, {}, defaultTextMapGetter))).toBe(
          '0a1b2c3d4e5f6071',
        );
        process.env[LAMBDA_TRACE_HEADER_ENV] = HTTP_HEADER;
        expect(spanId(propagator.extract(ROOT_CONTEXT, {}, defaultTextMapGetter))).toBe(
          '53995c3f42cd8ad8',
        );
      } finally {
        if (previous === undefined) delete process.env[LAMBDA_TRACE_HEADER_ENV];
        else process.env[LAMBDA_TRACE_HEADER_ENV] = previous;
      }
    });
    it('picks the same span context as @opentelemetry/propagator-aws-xray-lambda', () => {
      const previous = process.env[LAMBDA_TRACE_HEADER_ENV];
      try {
        process.env[LAMBDA_TRACE_HEADER_ENV] = ENV_HEADER;
        const carrier = { 'x-amzn-trace-id': HTTP_HEADER };
        const ours = new XRayLambdaPropagator().extract(
          ROOT_CONTEXT,
          carrier,
          defaultTextMapGetter,
        );
        const peer = new AWSXRayLambdaPropagator().extract(
          ROOT_CONTEXT,
          carrier,
          defaultTextMapGetter,
        );
        expect(trace.getSpanContext(ours)).toEqual(trace.getSpanContext(peer));
      } finally {
        if (previous === undefined) delete process.env[LAMBDA_TRACE_HEADER_ENV];
        else process.env[LAMBDA_TRACE_HEADER_ENV] = previous;
      }
    });
  });

  describe('inject', () => {
    it('writes the function segment as Parent and keeps Lineage', () => {
      const ctx = lambda(ENV_HEADER).extract(ROOT_CONTEXT, {}, defaultTextMapGetter);
      const carrier: Record<string, string> = {};
      lambda(undefined).inject(ctx, carrier, defaultTextMapSetter);
      expect(carrier).toEqual({ 'x-amzn-trace-id': ENV_HEADER });
    });
  });

  describe('fields', () => {
    it('names the header', () => {
      expect(lambda(undefined).fields()).toEqual(['x-amzn-trace-id']);
    });
  });
});
