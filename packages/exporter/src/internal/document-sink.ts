import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { TranslateOptions } from '@otel-xray/core';
import type { ExporterStats } from '../types.ts';
import { DocumentPreparer } from './document-preparer.ts';
import { DocumentPump } from './document-pump.ts';
import type { DocumentTransport } from './document-transport.ts';
import { ExportTicket } from './export-ticket.ts';
import type { SpanSink } from './span-sink.ts';

/** Options of {@link DocumentSink}. */
export interface DocumentSinkOptions {
  transport: DocumentTransport;
  translate: TranslateOptions;
  stats: ExporterStats;
  /** Queue capacity in documents. */
  maxQueueSize: number;
  /** Configured document limit; the transport's own limit caps it. */
  maxDocumentBytes: number;
}

/** The udp/api path: translate, fit, queue, send; each export settles when its documents do. */
export class DocumentSink implements SpanSink {
  readonly #transport: DocumentTransport;
  readonly #preparer: DocumentPreparer;
  readonly #pump: DocumentPump;
  readonly #stats: ExporterStats;
  readonly #maxBytes: number;

  constructor(options: DocumentSinkOptions) {
    this.#transport = options.transport;
    this.#stats = options.stats;
    this.#preparer = new DocumentPreparer(options.translate, options.stats);
    this.#pump = new DocumentPump(options.transport, options.maxQueueSize, options.stats);
    this.#maxBytes = Math.min(options.maxDocumentBytes, options.transport.maxDocumentBytes);
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const { ready, lost } = this.#preparer.prepare(spans, this.#maxBytes);
    const ticket = new ExportTicket(ready.length, lost, done);
    const cost = (json: string): number => this.#transport.cost(json);
    this.#pump.enqueue(ready.map((json) => ({ json, cost: cost(json), ticket })));
  }

  whenIdle(timeoutMillis: number): Promise<boolean> {
    return this.#pump.whenIdle(timeoutMillis);
  }

  async shutdown(): Promise<void> {
    this.#stats.documentsDroppedShutdown += this.#pump.abandon();
    await this.#transport.shutdown();
  }
}
