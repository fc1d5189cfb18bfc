// Moves queued documents into a transport: bounded queue (oldest evicted), batches by count and
// cost, a fixed number of sends in flight, each under suppressTracing so the exporter never traces
// itself.
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { ExporterStats } from '../types.ts';
import { DocumentQueue } from './document-queue.ts';
import type { QueuedDocument } from './document-queue.ts';
import type { DocumentTransport } from './document-transport.ts';

/** Queue plus sender loop for one transport. */
export class DocumentPump {
  readonly #transport: DocumentTransport;
  readonly #stats: ExporterStats;
  readonly #queue: DocumentQueue;
  #inFlight = 0;
  #idleWaiters: Array<() => void> = [];

  constructor(transport: DocumentTransport, capacity: number, stats: ExporterStats) {
    this.#transport = transport;
    this.#stats = stats;
    this.#queue = new DocumentQueue(capacity);
  }

  /** Queues documents (evicting the oldest when full) and starts sending. */
  enqueue(documents: readonly QueuedDocument[]): void {
    for (const doc of documents) {
      const evicted = this.#queue.push(doc);
      if (evicted === undefined) continue;
      this.#stats.documentsDroppedQueueFull += 1;
      evicted.ticket.settle(false);
    }
    this.#pump();
  }

  /** Resolves true once nothing is queued or in flight, or false after `timeoutMillis`. */
  whenIdle(timeoutMillis: number): Promise<boolean> {
    if (this.#isIdle()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (idle: boolean): void => {
        clearTimeout(timer);
        this.#idleWaiters = this.#idleWaiters.filter((waiter) => waiter !== onIdle);
        resolve(idle);
      };
      const onIdle = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMillis);
      timer.unref();
      this.#idleWaiters.push(onIdle);
    });
  }

  /** Gives up every queued document (counted by the caller); returns how many. */
  abandon(): number {
    const dropped = this.#queue.drain();
    for (const doc of dropped) doc.ticket.settle(false);
    return dropped.length;
  }

  #isIdle(): boolean {
    return this.#inFlight === 0 && this.#queue.length === 0;
  }

  #pump(): void {
    const transport = this.#transport;
    while (this.#inFlight < transport.concurrency && this.#queue.length > 0) {
      const batch = this.#queue.take(transport.maxBatchDocuments, transport.maxBatchCost);
      this.#inFlight += 1;
      const sending = context.with(suppressTracing(context.active()), () =>
        transport.send(batch.map((doc) => doc.json)),
      );
      void sending
        .catch(() => batch.map(() => false))
        .then((delivered) => this.#settle(batch, delivered));
    }
    if (this.#isIdle()) for (const waiter of this.#idleWaiters.slice()) waiter();
  }

  #settle(batch: readonly QueuedDocument[], delivered: readonly boolean[]): void {
    this.#inFlight -= 1;
    batch.forEach((doc, index) => {
      const ok = delivered[index] === true;
      if (ok) this.#stats.documentsSent += 1;
      else this.#stats.documentsFailed += 1;
      doc.ticket.settle(ok);
    });
    this.#pump();
  }
}
