import { diag, type DiagLogger } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeferredSink } from '../src/internal/deferred-sink.ts';
import type { SpanSink } from '../src/internal/span-sink.ts';
import { zeroStats } from '../src/internal/stats.ts';

const spans = (n: number): ReadableSpan[] =>
  Array.from({ length: n }, (_, i) => ({ name: `s${i}` }) as unknown as ReadableSpan);

function recordingSink(): SpanSink & { received: string[] } {
  const received: string[] = [];
  return {
    received,
    export: (batch, done) => {
      received.push(...batch.map((s) => s.name));
      done({ code: ExportResultCode.SUCCESS });
    },
    whenIdle: () => Promise.resolve(true),
    shutdown: () => Promise.resolve(),
  };
}

describe('DeferredSink', () => {
  afterEach(() => diag.disable());

  describe('while loading', () => {
    it('holds exports and forwards them in order once the real sink is there', async () => {
      const real = recordingSink();
      let resolve: (sink: SpanSink) => void = () => {};
      const sink = new DeferredSink(() => new Promise((r) => (resolve = r)), zeroStats(), 10);
      const results: ExportResult[] = [];
      sink.export(spans(2), (r) => results.push(r));
      sink.export(spans(1), (r) => results.push(r));
      expect(results).toEqual([]);
      resolve(real);
      expect(await sink.whenIdle(1_000)).toBe(true);
      expect(real.received).toEqual(['s0', 's1', 's0']);
      expect(results.map((r) => r.code)).toEqual([
        ExportResultCode.SUCCESS,
        ExportResultCode.SUCCESS,
      ]);
    });

    it('lets the oldest exports go beyond maxQueueSize spans, counted', async () => {
      const real = recordingSink();
      const stats = zeroStats();
      let resolve: (sink: SpanSink) => void = () => {};
      const sink = new DeferredSink(() => new Promise((r) => (resolve = r)), stats, 3);
      const results: number[] = [];
      for (let i = 0; i < 5; i++) sink.export(spans(1), (r) => results.push(r.code));
      expect(stats.documentsDroppedQueueFull).toBe(2);
      expect(results).toEqual([ExportResultCode.FAILED, ExportResultCode.FAILED]);
      resolve(real);
      await sink.whenIdle(1_000);
      expect(real.received).toHaveLength(3);
    });

    it('reports a timeout from whenIdle when loading takes longer', async () => {
      const sink = new DeferredSink(() => new Promise(() => {}), zeroStats(), 10);
      expect(await sink.whenIdle(20)).toBe(false);
    });
  });

  describe('when loading fails', () => {
    it('fails every export, counts them and names the missing package once', async () => {
      const error = vi.fn();
      diag.setLogger({ error } as unknown as DiagLogger);
      const stats = zeroStats();
      const sink = new DeferredSink(
        () =>
          Promise.reject(new Error("Cannot find package '@aws-sdk/client-xray' imported from x")),
        stats,
        10,
      );
      const results: number[] = [];
      sink.export(spans(2), (r) => results.push(r.code));
      await sink.whenIdle(1_000);
      sink.export(spans(1), (r) => results.push(r.code));
      expect(results).toEqual([ExportResultCode.FAILED, ExportResultCode.FAILED]);
      expect(stats.documentsFailed).toBe(3);
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]?.[0])).toContain('npm install @aws-sdk/client-xray');
      await expect(sink.shutdown()).resolves.toBeUndefined();
    });
  });
});
