import { context, diag } from '@opentelemetry/api';
import { ExportResultCode, suppressTracing } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { IExporterTransport, OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { translateSpan } from '@otel-xray/core';
import type { SegmentDocument, TranslateOptions, TranslationProblem } from '@otel-xray/core';
import {
  buildApiTransport,
  buildOtlpExporter,
  buildUdpTransport,
} from './internal/build-transport.ts';
import { DocumentPump } from './internal/document-pump.ts';
import type { DocumentTransport } from './internal/document-transport.ts';
import { ExportTicket } from './internal/export-ticket.ts';
import { resolveNumbers, resolveTransportName } from './internal/resolve-config.ts';
import type { ResolvedNumbers } from './internal/resolve-config.ts';
import { fitDocument } from './internal/shrink-document.ts';
import type { FittedDocument } from './internal/shrink-document.ts';
import { formatStats, lostSince, zeroStats } from './internal/stats.ts';
import type { ExporterStats, XRayExporterConfig } from './types.ts';

type Callback = (result: ExportResult) => void;

// The OTLP base may come with another @opentelemetry/core copy: compare the enum's numeric value.
const succeeded = (code: number): boolean => code === Number(ExportResultCode.SUCCESS);

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
 * Never throws; `export` always calls back once; losses are counted in {@link stats}.
 *
 * @example
 * const provider = new NodeTracerProvider({
 *   spanProcessors: [new BatchSpanProcessor(new XRaySpanExporter())],
 * });
 */
export class XRaySpanExporter implements SpanExporter {
  readonly #stats = zeroStats();
  readonly #numbers: ResolvedNumbers;
  readonly #translate: TranslateOptions;
  readonly #transport: DocumentTransport | undefined;
  readonly #pump: DocumentPump | undefined;
  readonly #otlp: OTLPExporterBase<ReadableSpan[]> | undefined;
  readonly #otlpTransport: IExporterTransport | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  #otlpSpansInFlight = 0;
  #otlpRequestsInFlight = 0;
  #reported = zeroStats();
  #shutdown: Promise<void> | undefined;
  #warnedTooLarge = false;
  readonly #warnedProblems = new Set<string>();

  constructor(config: XRayExporterConfig = {}) {
    this.#numbers = resolveNumbers(config);
    this.#translate = {
      ...(config.indexedAttributes && { indexedAttributes: config.indexedAttributes }),
      ...(config.indexAllAttributes !== undefined && {
        indexAllAttributes: config.indexAllAttributes,
      }),
      ...(config.logGroupNames && { logGroupNames: config.logGroupNames }),
    };
    const name = resolveTransportName(config.transport);
    if (name === 'otlp') {
      const built = buildOtlpExporter(config, this.#numbers, this.#stats);
      this.#otlp = built.exporter;
      this.#otlpTransport = built.transport;
    } else {
      const transport =
        name === 'api'
          ? buildApiTransport(config, this.#numbers, this.#stats)
          : buildUdpTransport(config, this.#stats);
      this.#transport = transport;
      this.#pump = new DocumentPump(transport, this.#numbers.maxQueueSize, this.#stats);
    }
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
      if (this.#otlp !== undefined) this.#exportOtlp(this.#otlp, spans, done);
      else this.#exportDocuments(spans, done);
    } catch (error) {
      done({
        code: ExportResultCode.FAILED,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }

  /** Waits until everything queued is sent or given up, at most `flushTimeoutMillis`. */
  async forceFlush(): Promise<void> {
    const timeout = this.#numbers.flushTimeoutMillis;
    let idle = true;
    if (this.#pump !== undefined) idle = await this.#pump.whenIdle(timeout);
    if (this.#otlp !== undefined) idle = await this.#otlpFlush(this.#otlp, timeout);
    if (!idle) diag.warn(`XRaySpanExporter: documents still pending after ${timeout} ms`);
  }

  /** Flushes (bounded by `flushTimeoutMillis`), drops and counts what is left, closes sockets; idempotent. */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#stop();
    return this.#shutdown;
  }

  /** A copy of the counters (see {@link ExporterStats}). */
  stats(): ExporterStats {
    return { ...this.#stats };
  }

  #exportDocuments(spans: ReadableSpan[], done: Callback): void {
    const transport = this.#transport as DocumentTransport;
    const maxBytes = Math.min(this.#numbers.maxDocumentBytes, transport.maxDocumentBytes);
    const ready: string[] = [];
    let lost = 0;
    for (const span of spans) {
      const { documents, problems } = translateSpan(span, this.#translate);
      let truncated = false;
      for (const problem of problems) truncated = this.#noteProblem(problem) || truncated;
      if (documents.length === 0) {
        this.#stats.translateErrors += 1;
        lost += 1;
        continue;
      }
      this.#stats.documentsTranslated += documents.length;
      for (const document of documents) {
        const fitted = this.#fit(document, maxBytes);
        if (fitted === null) {
          lost += 1;
        } else if (fitted === undefined) {
          this.#stats.documentsDroppedTooLarge += 1;
          lost += 1;
          this.#warnTooLarge(document.id, maxBytes);
        } else {
          if (fitted.shrunk && !truncated) this.#stats.documentsShrunk += 1;
          ready.push(fitted.json);
        }
      }
    }
    const ticket = new ExportTicket(ready.length, lost, done);
    this.#pump?.enqueue(ready.map((json) => ({ json, cost: transport.cost(json), ticket })));
  }

  /** The fitted JSON, undefined when too large, null when not serialisable (counted). */
  #fit(document: SegmentDocument, maxBytes: number): FittedDocument | undefined | null {
    try {
      return fitDocument(document, maxBytes);
    } catch (error) {
      this.#stats.translateErrors += 1;
      diag.debug('XRaySpanExporter: document not serialisable', error);
      return null;
    }
  }

  #exportOtlp(otlp: OTLPExporterBase<ReadableSpan[]>, spans: ReadableSpan[], done: Callback): void {
    const count = spans.length;
    const full =
      this.#otlpRequestsInFlight >= this.#numbers.concurrencyLimit ||
      this.#otlpSpansInFlight + count > this.#numbers.maxQueueSize;
    if (full) {
      this.#stats.documentsDroppedQueueFull += count;
      done({
        code: ExportResultCode.FAILED,
        error: new Error('XRaySpanExporter: OTLP queue full'),
      });
      return;
    }
    this.#otlpSpansInFlight += count;
    this.#otlpRequestsInFlight += 1;
    context.with(suppressTracing(context.active()), () =>
      otlp.export(spans, (result) => {
        this.#otlpSpansInFlight -= count;
        this.#otlpRequestsInFlight -= 1;
        if (succeeded(result.code)) this.#stats.documentsSent += count;
        else this.#stats.documentsFailed += count;
        done(result);
      }),
    );
  }

  async #otlpFlush(
    otlp: OTLPExporterBase<ReadableSpan[]>,
    timeoutMillis: number,
  ): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMillis);
      timer.unref();
    });
    const flushed = otlp.forceFlush().then(
      () => true,
      () => true,
    );
    const idle = await Promise.race([flushed, timedOut]);
    clearTimeout(timer);
    return idle;
  }

  async #stop(): Promise<void> {
    clearInterval(this.#timer);
    try {
      await this.forceFlush();
      this.#stats.documentsDroppedShutdown += this.#pump?.abandon() ?? 0;
      await this.#transport?.shutdown();
      // Abort what is still in flight first, so the OTLP delegate's own flush cannot wait.
      this.#otlpTransport?.shutdown();
      await this.#otlp?.shutdown();
    } catch (error) {
      diag.debug('XRaySpanExporter: shutdown error', error);
    }
    this.#report(true);
  }

  #report(final: boolean): void {
    const now = this.stats();
    const text = `XRaySpanExporter${final ? ' shut down' : ''}: ${formatStats(now)}`;
    if (lostSince(this.#reported, now)) diag.warn(text);
    else if (final) diag.info(text);
    else diag.debug(text);
    this.#reported = now;
  }

  /**
   * Counts translation's own shrinking (returns true for it); warns once per problem code, later
   * ones go to debug.
   */
  #noteProblem(problem: TranslationProblem): boolean {
    const truncated = problem.code === 'document-truncated';
    if (truncated) this.#stats.documentsShrunk += 1;
    if (this.#warnedProblems.has(problem.code)) {
      diag.debug(`XRaySpanExporter: ${problem.code}: ${problem.message}`);
    } else {
      this.#warnedProblems.add(problem.code);
      diag.warn(`XRaySpanExporter: ${problem.code}: ${problem.message} (more at debug level)`);
    }
    return truncated;
  }

  #warnTooLarge(id: string, maxBytes: number): void {
    if (this.#warnedTooLarge) return;
    this.#warnedTooLarge = true;
    diag.warn(
      `XRaySpanExporter: document ${id} exceeds ${maxBytes} bytes even shrunk; dropped (counted)`,
    );
  }
}
