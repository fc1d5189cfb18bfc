import { diag, trace, type DiagLogger } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  batchProcessorConfig,
  DEFAULT_SCHEDULE_DELAY_MILLIS,
} from '../src/batch-processor-config.ts';
import { startTracing } from '../src/index.ts';

function warnings(): string[] {
  const seen: string[] = [];
  const logger: DiagLogger = {
    error: () => {},
    warn: (message) => seen.push(message),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(logger, { suppressOverrideMessage: true });
  return seen;
}

describe('batchProcessorConfig', () => {
  afterEach(() => diag.disable());

  it('keeps the 200 ms delay and the SDK defaults when nothing is set', () => {
    expect(batchProcessorConfig({})).toEqual({
      scheduledDelayMillis: DEFAULT_SCHEDULE_DELAY_MILLIS,
    });
  });

  it('reads all four OTEL_BSP_* variables', () => {
    expect(
      batchProcessorConfig({
        OTEL_BSP_SCHEDULE_DELAY: '1000',
        OTEL_BSP_EXPORT_TIMEOUT: ' 5000 ',
        OTEL_BSP_MAX_QUEUE_SIZE: '4096',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '64',
      }),
    ).toEqual({
      scheduledDelayMillis: 1000,
      exportTimeoutMillis: 5000,
      maxQueueSize: 4096,
      maxExportBatchSize: 64,
    });
  });

  it('accepts a zero delay (export at once) but not an empty queue', () => {
    const seen = warnings();
    expect(
      batchProcessorConfig({ OTEL_BSP_SCHEDULE_DELAY: '0', OTEL_BSP_MAX_QUEUE_SIZE: '0' }),
    ).toEqual({ scheduledDelayMillis: 0 });
    expect(seen).toEqual(['OTEL_BSP_MAX_QUEUE_SIZE="0" ignored: expected a whole number ≥ 1']);
  });

  it('ignores values that are not whole numbers, with a warning each, and empty ones silently', () => {
    const seen = warnings();
    expect(
      batchProcessorConfig({
        OTEL_BSP_SCHEDULE_DELAY: 'soon',
        OTEL_BSP_EXPORT_TIMEOUT: '-1',
        OTEL_BSP_MAX_QUEUE_SIZE: '2.5',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: ' ',
      }),
    ).toEqual({ scheduledDelayMillis: DEFAULT_SCHEDULE_DELAY_MILLIS });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toContain('OTEL_BSP_SCHEDULE_DELAY="soon" ignored');
  });
});

describe('startTracing with OTEL_BSP_*', () => {
  it('exports in batches of OTEL_BSP_MAX_EXPORT_BATCH_SIZE', async () => {
    const batches: number[] = [];
    const tracing = startTracing({
      serviceName: 'bsp-test',
      sampler: 'always_on',
      handleSignals: false,
      http: false,
      fetch: false,
      awsSdk: false,
      env: { OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '2', OTEL_BSP_SCHEDULE_DELAY: '60000' },
      spanExporter: {
        export: (spans: ReadableSpan[], done) => {
          batches.push(spans.length);
          done({ code: 0 });
        },
        shutdown: async () => {},
      },
    });
    try {
      const tracer = trace.getTracer('bsp-test');
      for (let i = 0; i < 5; i++) tracer.startSpan(`span ${i}`).end();
      // Two full batches go at once (no 60 s wait); the last span waits for the flush.
      await vi.waitFor(() => expect(batches).toEqual([2, 2]));
      await tracing.forceFlush();
      expect(batches).toEqual([2, 2, 1]);
    } finally {
      await tracing.shutdown();
    }
  });
});
