import { diag } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { buildSink } from './internal/build-sink.ts';
import { resolveNumbers } from './internal/resolve-config.ts';
import type { ResolvedNumbers } from './internal/resolve-config.ts';
import type { SpanSink } from './internal/span-sink.ts';
import { formatStats, lostSince, zeroStats } from './internal/stats.ts';
import type { ExporterStats, XRayExporterConfig } from './types.ts';

type Callback = (result: ExportResult) => void;

function once(callback: Callback): Callback {
  let called = false;
  return (result) => {
    if (called) return;
    called = true;
    try {
      callback(result);
    } catch {
      // The caller's callback threw; nothing of ours to undo.
    }
  };
}

/**
 * An OpenTelemetry `SpanExporter` for AWS X-Ray. Spans become segment documents (see
 * `toSegmentDocuments`) sent to the X-Ray daemon over UDP (default) or to `PutTraceSegments`; or,
 * with `transport: 'otlp'`, they go untranslated to X-Ray's SigV4-signed OTLP endpoint.
 * Never throws; `export` calls back exactly once; losses are counted in {@link XRaySpanExporter.stats}.
 *
 * @example
 * const provider = new NodeTracerProvider({
 *   spanProcessors: [new BatchSpanProcessor(new XRaySpanExporter())],
 * });
 */
export class XRaySpanExporter implements SpanExporter {
  readonly #stats = zeroStats();
  readonly #numbers: ResolvedNumbers;
  readonly #sink: SpanSink;
  readonly #timer: NodeJS.Timeout | undefined;
  #reported = zeroStats();
  #shutdown: Promise<void> | undefined;

  constructor(config: XRayExporterConfig = {}) {
    this.#numbers = resolveNumbers(config);
    this.#sink = buildSink(config, this.#numbers, this.#stats);
    if (this.#numbers.statsIntervalMillis > 0) {
      this.#timer = setInterval(() => this.#report(false), this.#numbers.statsIntervalMillis);
      this.#timer.unref();
    }
  }

  /** Translates and queues `spans`; calls back once they are sent (SUCCESS) or lost (FAILED). */
  export(spans: ReadableSpan[], resultCallback: Callback): void {
    const done = once(resultCallback);
    try {
      if (this.#shutdown !== undefined) {
        done({ code: ExportResultCode.FAILED, error: new Error('XRaySpanExporter is shut down') });
        return;
      }
      this.#stats.spansReceived += spans.length;
      this.#sink.export(spans, done);
    } catch (error) {
      done({
        code: ExportResultCode.FAILED,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }

  /** Waits until everything pending is sent or given up, at most `flushTimeoutMillis`. */
  async forceFlush(): Promise<void> {
    const timeout = this.#numbers.flushTimeoutMillis;
    const idle = await this.#sink.whenIdle(timeout).catch(() => false);
    if (!idle) diag.warn(`XRaySpanExporter: documents still pending after ${timeout} ms`);
  }

  /**
   * Flushes (bounded by `flushTimeoutMillis`), drops and counts what is left, closes sockets and
   * reports the counters through `diag`; idempotent.
   */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#stop();
    return this.#shutdown;
  }

  /** A copy of the counters (see {@link ExporterStats}). */
  stats(): ExporterStats {
    return { ...this.#stats };
  }

  async #stop(): Promise<void> {
    clearInterval(this.#timer);
    try {
      await this.forceFlush();
      await this.#sink.shutdown();
    } catch (error) {
      diag.debug('XRaySpanExporter: shutdown error', error);
    }
    this.#report(true);
  }

  /** Counters through diag: warn when data was lost since the last report, else info/debug. */
  #report(final: boolean): void {
    const now = this.stats();
    const text = `XRaySpanExporter${final ? ' shut down' : ''}: ${formatStats(now)}`;
    if (lostSince(this.#reported, now)) diag.warn(text);
    else if (final) diag.info(text);
    else diag.debug(text);
    this.#reported = now;
  }
}
