import { Writable } from 'node:stream';
import { Console } from 'node:console';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { XRayIdGenerator } from '@otel-xray/core';
import { pino } from 'pino';
import winston from 'winston';
import {
  correlateConsole,
  LOG_FIELDS,
  logFieldsFor,
  xrayLogFields,
  xrayPinoOptions,
  xrayWinstonFormat,
} from '@otel-xray/node';
import { logCorrelationModeFromEnv } from '../src/logs/log-correlation-mode.ts';
import { setLogCorrelationMode } from '../src/logs/log-correlation-state.ts';

/** Collects what a logger writes, one entry per line. */
function lines(): { stream: Writable; text: string[] } {
  const text: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, text };
}

const XRAY_ID = /^1-[0-9a-f]{8}-[0-9a-f]{24}@[0-9a-f]{16}$/;
let tracer: Tracer;
let manager: AsyncLocalStorageContextManager;

beforeAll(() => {
  manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  tracer = new TracerProvider({ idGenerator: new XRayIdGenerator() }).getTracer('test');
  setLogCorrelationMode('both');
});
afterAll(() => {
  setLogCorrelationMode('both');
  context.disable();
});

function inSpan<T>(work: (ids: { traceId: string; spanId: string }) => T): T {
  return tracer.startActiveSpan('work', (span) => {
    try {
      return work(span.spanContext());
    } finally {
      span.end();
    }
  });
}

describe('xrayLogFields', () => {
  it('returns no fields outside any span', () => {
    expect(xrayLogFields()).toEqual({});
  });
  it('writes the X-Ray trace ID with the segment ID and the W3C fields inside a span', () => {
    inSpan(({ traceId, spanId }) => {
      expect(xrayLogFields()).toEqual({
        'AWS-XRAY-TRACE-ID': `1-${traceId.slice(0, 8)}-${traceId.slice(8)}@${spanId}`,
        trace_id: traceId,
        span_id: spanId,
        trace_flags: '01',
      });
    });
  });
  it('returns a new object each call, so a logger may merge into it', () => {
    inSpan(() => expect(xrayLogFields()).not.toBe(xrayLogFields()));
  });
  it('follows the mode: xray only, w3c only, off', () => {
    const sc = {
      traceId: '5759e988bd862e3fe1be46a994272793',
      spanId: '53995c3f42cd8ad8',
      traceFlags: 0,
    };
    expect(logFieldsFor(sc, 'xray')).toEqual({
      'AWS-XRAY-TRACE-ID': '1-5759e988-bd862e3fe1be46a994272793@53995c3f42cd8ad8',
    });
    expect(logFieldsFor(sc, 'w3c')).toEqual({
      trace_id: sc.traceId,
      span_id: sc.spanId,
      trace_flags: '00',
    });
    expect(logFieldsFor(sc, 'off')).toEqual({});
  });
  it('ignores an invalid span context', () => {
    expect(logFieldsFor(trace.wrapSpanContext({} as never).spanContext(), 'both')).toEqual({});
    expect(
      logFieldsFor({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 1 }, 'both'),
    ).toEqual({});
  });
});

describe('logCorrelationModeFromEnv', () => {
  it('reads true, xray, w3c and false, defaulting to both', () => {
    expect(logCorrelationModeFromEnv(undefined)).toBe('both');
    expect(logCorrelationModeFromEnv('TRUE')).toBe('both');
    expect(logCorrelationModeFromEnv('xray')).toBe('xray');
    expect(logCorrelationModeFromEnv(' w3c ')).toBe('w3c');
    expect(logCorrelationModeFromEnv('false')).toBe('off');
  });
  it('warns on an unknown value and keeps the IDs', () => {
    const warnings: string[] = [];
    expect(logCorrelationModeFromEnv('yes please', (m) => warnings.push(m))).toBe('both');
    expect(warnings[0]).toMatch(/OTEL_XRAY_LOG_CORRELATION=yes please/);
  });
});

describe('pino with the xrayLogFields mixin', () => {
  it('puts the active span IDs in each line and nothing outside a span', () => {
    const out = lines();
    const logger = pino({ mixin: xrayLogFields }, out.stream);
    logger.info('outside');
    const ids = inSpan((ids) => {
      logger.info({ orderId: 'o-1' }, 'inside');
      return ids;
    });
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const [outside, inside] = out.text.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(outside).not.toHaveProperty(LOG_FIELDS.xrayTraceId);
      expect(inside).toMatchObject({ msg: 'inside', orderId: 'o-1', trace_id: ids.traceId });
      expect(inside?.[LOG_FIELDS.xrayTraceId]).toMatch(XRAY_ID);
      expect(inside?.[LOG_FIELDS.xrayTraceId]).toContain(`@${ids.spanId}`);
    });
  });
  it('writes nothing extra when correlation is off', async () => {
    setLogCorrelationMode('off');
    try {
      const out = lines();
      const logger = pino({ mixin: xrayLogFields }, out.stream);
      inSpan(() => logger.info('quiet'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(JSON.parse(out.text[0]!)).not.toHaveProperty('trace_id');
    } finally {
      setLogCorrelationMode('both');
    }
  });
});

describe('pino with xrayPinoOptions', () => {
  it('adds the fields inside a span, nothing outside, and never leaks one line into the next', async () => {
    const out = lines();
    const logger = pino(xrayPinoOptions(), out.stream);
    logger.info({ orderId: 'o-1' }, 'first outside');
    const ids = inSpan((ids) => {
      logger.info({ sku: 'sku-fig' }, 'inside');
      return ids;
    });
    logger.info('second outside');
    await new Promise((resolve) => setImmediate(resolve));
    const [first, inside, second] = out.text.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ orderId: 'o-1' });
    expect(first).not.toHaveProperty('trace_id');
    expect(inside).toMatchObject({ sku: 'sku-fig', span_id: ids.spanId });
    expect(second).not.toHaveProperty('orderId');
    expect(second).not.toHaveProperty('sku');
    expect(second).not.toHaveProperty('trace_id');
  });
});

describe('winston with xrayWinstonFormat', () => {
  it('adds the fields to records written inside a span', async () => {
    const out = lines();
    const logger = winston.createLogger({
      format: winston.format.combine(xrayWinstonFormat(), winston.format.json()),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    logger.info('outside');
    const ids = inSpan((ids) => {
      logger.error('inside', { sku: 'sku-fig' });
      return ids;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const [outside, inside] = out.text.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(outside).not.toHaveProperty('trace_id');
    expect(inside).toMatchObject({ message: 'inside', sku: 'sku-fig', span_id: ids.spanId });
    expect(inside?.[LOG_FIELDS.xrayTraceId]).toMatch(XRAY_ID);
  });
});

describe('correlateConsole', () => {
  it('appends the X-Ray trace ID inside a span and leaves other lines alone', () => {
    const out = lines();
    const target = new Console({ stdout: out.stream, stderr: out.stream });
    const restore = correlateConsole(target);
    try {
      target.log('plain %d', 1);
      const ids = inSpan((ids) => {
        target.error('failed %s', 'order', { id: 'o-2' });
        return ids;
      });
      expect(out.text[0]).toBe('plain 1');
      expect(out.text[1]).toBe(
        `failed order { id: 'o-2' } AWS-XRAY-TRACE-ID: 1-${ids.traceId.slice(0, 8)}-${ids.traceId.slice(8)}@${ids.spanId}`,
      );
    } finally {
      restore();
    }
    target.log('restored');
    expect(out.text.at(-1)).toBe('restored');
  });
});
