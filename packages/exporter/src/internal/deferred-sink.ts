import { diag } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { ExporterStats } from '../types.ts';
import type { SpanSink } from './span-sink.ts';

type Pending = { spans: ReadableSpan[]; done: (result: ExportResult) => void };

/**
 * A sink whose real one is still being loaded (`import()` of the AWS SDK or OTLP machinery, which
 * the default `udp` transport never loads). Exports wait in order, at most `maxQueueSize` spans
 * (the oldest exports give way, as in the real queue); those, and all of them if loading fails,
 * fail and are counted — never thrown.
 */
export class DeferredSink implements SpanSink {
  readonly #loading: Promise<SpanSink | undefined>;
  readonly #stats: ExporterStats;
  readonly #maxQueueSize: number;
  #sink: SpanSink | undefined;
  #failed = false;
  #pending: Pending[] = [];
  #pendingSpans = 0;

  constructor(load: () => Promise<SpanSink>, stats: ExporterStats, maxQueueSize: number) {
    this.#stats = stats;
    this.#maxQueueSize = maxQueueSize;
    this.#loading = load().then(
      (sink) => {
        this.#sink = sink;
        for (const { spans, done } of this.#drain()) sink.export(spans, done);
        return sink;
      },
      (error: unknown) => {
        this.#failed = true;
        diag.error(`XRaySpanExporter: cannot load the transport (${describe(error)})`);
        for (const { spans, done } of this.#drain()) this.#fail(spans, done);
        return undefined;
      },
    );
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.#sink !== undefined) return this.#sink.export(spans, done);
    if (this.#failed || this.#pendingSpans + spans.length > this.#maxQueueSize) {
      return this.#fail(
        spans,
        done,
        this.#failed ? 'documentsFailed' : 'documentsDroppedQueueFull',
      );
    }
    this.#pending.push({ spans, done });
    this.#pendingSpans += spans.length;
  }

  async whenIdle(timeoutMillis: number): Promise<boolean> {
    const started = Date.now();
    const sink = await within(this.#loading, timeoutMillis);
    if (sink === 'timeout') return false;
    return sink === undefined
      ? true
      : sink.whenIdle(Math.max(0, timeoutMillis - (Date.now() - started)));
  }

  async shutdown(): Promise<void> {
    const sink = await within(this.#loading, 1_000);
    if (sink === 'timeout' || sink === undefined) {
      for (const { spans, done } of this.#drain())
        this.#fail(spans, done, 'documentsDroppedShutdown');
      return;
    }
    await sink.shutdown();
  }

  #drain(): Pending[] {
    const pending = this.#pending;
    this.#pending = [];
    this.#pendingSpans = 0;
    return pending;
  }

  #fail(
    spans: ReadableSpan[],
    done: (result: ExportResult) => void,
    counter:
      | 'documentsFailed'
      | 'documentsDroppedQueueFull'
      | 'documentsDroppedShutdown' = 'documentsFailed',
  ): void {
    this.#stats[counter] += spans.length;
    done({
      code: ExportResultCode.FAILED,
      error: new Error('XRaySpanExporter: transport unavailable'),
    });
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
  return missing === undefined ? message : `${missing} is not installed: npm install ${missing}`;
}
