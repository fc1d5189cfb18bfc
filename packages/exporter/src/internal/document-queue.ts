import type { ExportTicket } from './export-ticket.ts';

/** One serialised document waiting to be sent. */
export interface QueuedDocument {
  /** JSON text of the document. */
  json: string;
  /** What the document adds to a request body, in bytes (0 when the transport has no body limit). */
  cost: number;
  /** The export call it belongs to. */
  ticket: ExportTicket;
}

/**
 * FIFO with a capacity: pushing onto a full queue evicts (and returns) the oldest document.
 * A document leaves the queue entirely when taken: a slot left behind would keep its text, its
 * ticket and through that the span processor's whole batch of spans reachable until the array is
 * compacted — about a second of traffic outliving its export, all of it promoted to the old
 * generation by the next scavenge.
 */
export class DocumentQueue {
  readonly #capacity: number;
  #items: Array<QueuedDocument | undefined> = [];
  #head = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Documents waiting. */
  get length(): number {
    return this.#items.length - this.#head;
  }

  /** Appends `doc`; returns the evicted oldest document when the queue was full. */
  push(doc: QueuedDocument): QueuedDocument | undefined {
    const evicted = this.length >= this.#capacity ? this.#shift() : undefined;
    this.#items.push(doc);
    return evicted;
  }

  /** Removes up to `maxDocuments` from the front, stopping before `maxCost` would be exceeded (at least one). */
  take(maxDocuments: number, maxCost: number): QueuedDocument[] {
    const batch: QueuedDocument[] = [];
    let cost = 0;
    while (batch.length < maxDocuments && this.length > 0) {
      const next = this.#items[this.#head];
      if (next === undefined || (batch.length > 0 && cost + next.cost > maxCost)) break;
      cost += next.cost;
      batch.push(next);
      this.#shift();
    }
    return batch;
  }

  /** Removes and returns everything. */
  drain(): QueuedDocument[] {
    // Every slot from the head on holds a document.
    const all = this.#items.slice(this.#head) as QueuedDocument[];
    this.#items = [];
    this.#head = 0;
    return all;
  }

  #shift(): QueuedDocument | undefined {
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head === this.#items.length) {
      // Emptied (the usual case: the pump takes all it has): start over on a fresh array.
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}
