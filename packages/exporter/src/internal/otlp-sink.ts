// The otlp path: spans go untranslated to OTel's OTLP exporter machinery; memory is bounded by
// spans and requests in flight (a full sink fails the export at once, counted as queue-full).
import { context } from '@opentelemetry/api';
import { ExportResultCode, suppressTracing } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { IExporterTransport, OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { ExporterStats } from '../types.ts';
import type { SpanSink } from './span-sink.ts';

// The OTLP base may come with another @opentelemetry/core copy: compare the enum's numeric value.
const succeeded = (code: number): boolean => code === Number(ExportResultCode.SUCCESS);

/** Options of {@link OtlpSink}. */
export interface OtlpSinkOptions {
  exporter: OTLPExporterBase<ReadableSpan[]>;
  transport: IExporterTransport;
  stats: ExporterStats;
  /** Spans in flight at most. */
  maxQueueSize: number;
  /** Requests in flight at most. */
  concurrencyLimit: number;
}

/** Sends spans through an OTLP exporter under suppressTracing, counting spans as documents. */
export class OtlpSink implements SpanSink {
  readonly #options: OtlpSinkOptions;
  #spans = 0;
  #requests = 0;

  constructor(options: OtlpSinkOptions) {
    this.#options = options;
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const { exporter, stats, maxQueueSize, concurrencyLimit } = this.#options;
    const count = spans.length;
    if (this.#requests >= concurrencyLimit || this.#spans + count > maxQueueSize) {
      stats.documentsDroppedQueueFull += count;
      done({
        code: ExportResultCode.FAILED,
        error: new Error('XRaySpanExporter: OTLP queue full'),
      });
      return;
    }
    this.#spans += count;
    this.#requests += 1;
    context.with(suppressTracing(context.active()), () =>
      exporter.export(spans, (result) => {
        this.#spans -= count;
        this.#requests -= 1;
        if (succeeded(result.code)) stats.documentsSent += count;
        else stats.documentsFailed += count;
        done(result);
      }),
    );
  }

  async whenIdle(timeoutMillis: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMillis);
      timer.unref();
    });
    const flushed = this.#options.exporter.forceFlush().then(
      () => true,
      () => true,
    );
    const idle = await Promise.race([flushed, timedOut]);
    clearTimeout(timer);
    return idle;
  }

  async shutdown(): Promise<void> {
    // Abort what is still in flight first, so the OTLP delegate's own flush cannot wait.
    this.#options.transport.shutdown();
    await this.#options.exporter.shutdown();
  }
}
