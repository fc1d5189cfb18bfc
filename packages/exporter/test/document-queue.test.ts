import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DocumentQueue } from '../src/internal/document-queue.ts';
import type { QueuedDocument } from '../src/internal/document-queue.ts';
import { ExportTicket } from '../src/internal/export-ticket.ts';

// A full collection on demand, to see what the queue still keeps alive.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const ticket = (): ExportTicket => new ExportTicket(1, 0, () => undefined);
const doc = (json: string, cost = 0): QueuedDocument => ({ json, cost, ticket: ticket() });
const texts = (docs: readonly QueuedDocument[]): string[] => docs.map((d) => d.json);

/** Lets the current job end: WeakRefs made or read in it keep their targets alive until then. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('DocumentQueue', () => {
  it('gives documents back first in, first out, in batches of at most maxDocuments', () => {
    const queue = new DocumentQueue(10);
    for (const json of ['a', 'b', 'c', 'd', 'e']) queue.push(doc(json));
    expect(texts(queue.take(2, Infinity))).toEqual(['a', 'b']);
    expect(queue.length).toBe(3);
    queue.push(doc('f'));
    expect(texts(queue.take(10, Infinity))).toEqual(['c', 'd', 'e', 'f']);
    expect(queue.length).toBe(0);
    expect(queue.take(10, Infinity)).toEqual([]);
  });

  it('stops a batch before maxCost is exceeded, but always takes one', () => {
    const queue = new DocumentQueue(10);
    queue.push(doc('big', 500));
    queue.push(doc('x', 60));
    queue.push(doc('y', 60));
    queue.push(doc('z', 60));
    expect(texts(queue.take(10, 100))).toEqual(['big']);
    expect(texts(queue.take(10, 130))).toEqual(['x', 'y']);
    expect(texts(queue.take(10, 130))).toEqual(['z']);
  });

  it('evicts and returns the oldest document when full', () => {
    const queue = new DocumentQueue(2);
    expect(queue.push(doc('a'))).toBeUndefined();
    expect(queue.push(doc('b'))).toBeUndefined();
    expect(queue.push(doc('c'))?.json).toBe('a');
    expect(texts(queue.drain())).toEqual(['b', 'c']);
    expect(queue.length).toBe(0);
  });

  it('keeps order across many pushes and takes (past its compaction point)', () => {
    const queue = new DocumentQueue(5000);
    const seen: string[] = [];
    let next = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 100; i++) queue.push(doc(String(next++)));
      seen.push(...texts(queue.take(97, Infinity)));
    }
    seen.push(...texts(queue.drain()));
    expect(seen).toEqual(Array.from({ length: next }, (_, i) => String(i)));
  });

  it('holds no reference to a document once it is taken', async () => {
    const queue = new DocumentQueue(100);
    const taken: Array<WeakRef<QueuedDocument>> = [];
    const kept: Array<WeakRef<QueuedDocument>> = [];
    (() => {
      const docs = Array.from({ length: 6 }, (_, i) => doc(`document ${i}`));
      for (const d of docs) queue.push(d);
      for (const d of queue.take(4, Infinity)) taken.push(new WeakRef(d));
      for (const d of docs.slice(4)) kept.push(new WeakRef(d));
    })();
    await nextTurn();
    collect();
    expect(taken.map((ref) => ref.deref())).toEqual([undefined, undefined, undefined, undefined]);
    expect(kept.map((ref) => ref.deref()?.json)).toEqual(['document 4', 'document 5']);

    // Emptied, then refilled: the documents taken before stay unreachable too.
    const second: Array<WeakRef<QueuedDocument>> = [];
    (() => {
      for (const d of queue.take(10, Infinity)) second.push(new WeakRef(d));
      queue.push(doc('later'));
    })();
    await nextTurn();
    collect();
    expect(second.map((ref) => ref.deref())).toEqual([undefined, undefined]);
    expect(texts(queue.drain())).toEqual(['later']);
  });

  it('holds no reference to an evicted document', async () => {
    const queue = new DocumentQueue(2);
    let evicted: WeakRef<QueuedDocument> | undefined;
    (() => {
      queue.push(doc('a'));
      queue.push(doc('b'));
      const out = queue.push(doc('c'));
      if (out !== undefined) evicted = new WeakRef(out);
    })();
    await nextTurn();
    collect();
    expect(evicted).toBeDefined();
    expect(evicted?.deref()).toBeUndefined();
  });
});
