import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { isTracingSuppressed } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import { DocumentPump } from '../src/internal/document-pump.ts';
import type { DocumentTransport } from '../src/internal/document-transport.ts';
import { ExportTicket } from '../src/internal/export-ticket.ts';
import { newStats } from './support/stats.ts';

interface Recorder extends DocumentTransport {
  batches: string[][];
  suppressed: boolean[];
  release(): void;
}

/** An in-memory transport: records batches, delivers all but documents containing "bad". */
function recorder(
  options: { maxBatchDocuments?: number; maxBatchCost?: number; hold?: boolean } = {},
): Recorder {
  let releases: Array<() => void> = [];
  const transport: Recorder = {
    batches: [],
    suppressed: [],
    maxDocumentBytes: 64 * 1024,
    maxBatchDocuments: options.maxBatchDocuments ?? 50,
    maxBatchCost: options.maxBatchCost ?? Number.POSITIVE_INFINITY,
    concurrency: 1,
    cost: (json) => json.length,
    async send(documents) {
      transport.batches.push([...documents]);
      transport.suppressed.push(isTracingSuppressed(context.active()));
      if (options.hold) await new Promise<void>((resolve) => releases.push(resolve));
      return documents.map((doc) => !doc.includes('bad'));
    },
    release() {
      for (const release of releases.splice(0)) release();
      releases = [];
    },
    shutdown: () => Promise.resolve(),
  };
  return transport;
}

function ticketFor(count: number): { ticket: ExportTicket; results: ExportResult[] } {
  const results: ExportResult[] = [];
  return { ticket: new ExportTicket(count, 0, (result) => results.push(result)), results };
}

const docs = (ticket: ExportTicket, ...jsons: string[]) =>
  jsons.map((json) => ({ json, cost: json.length, ticket }));

describe('DocumentPump', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => context.disable());

  describe('enqueue', () => {
    it('sends in batches of at most maxBatchDocuments, in order', async () => {
      const transport = recorder({ maxBatchDocuments: 2 });
      const pump = new DocumentPump(transport, 100, newStats());
      const { ticket, results } = ticketFor(5);
      pump.enqueue(docs(ticket, 'a', 'b', 'c', 'd', 'e'));
      expect(await pump.whenIdle(1000)).toBe(true);
      expect(transport.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
      expect(results).toEqual([{ code: ExportResultCode.SUCCESS }]);
    });

    it('keeps a batch within maxBatchCost', async () => {
      const transport = recorder({ maxBatchCost: 5 });
      const pump = new DocumentPump(transport, 100, newStats());
      const { ticket } = ticketFor(3);
      pump.enqueue(docs(ticket, 'aaa', 'bb', 'cccc'));
      await pump.whenIdle(1000);
      expect(transport.batches).toEqual([['aaa', 'bb'], ['cccc']]);
    });

    it('sends under suppressTracing', async () => {
      const transport = recorder();
      const pump = new DocumentPump(transport, 100, newStats());
      const { ticket } = ticketFor(1);
      context.with(
        trace.setSpan(
          context.active(),
          trace.wrapSpanContext({ traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: 1 }),
        ),
        () => pump.enqueue(docs(ticket, 'a')),
      );
      await pump.whenIdle(1000);
      expect(transport.suppressed).toEqual([true]);
    });

    it('counts sent and failed documents and fails the ticket of a lost one', async () => {
      const stats = newStats();
      const pump = new DocumentPump(recorder(), 100, stats);
      const { ticket, results } = ticketFor(2);
      pump.enqueue(docs(ticket, 'good', 'bad'));
      await pump.whenIdle(1000);
      expect(stats).toMatchObject({ documentsSent: 1, documentsFailed: 1 });
      expect(results).toHaveLength(1);
      expect(results[0]!.code).toBe(ExportResultCode.FAILED);
    });
  });

  describe('a full queue', () => {
    it('drops the oldest waiting documents and counts them', async () => {
      const transport = recorder({ maxBatchDocuments: 1, hold: true });
      const stats = newStats();
      const pump = new DocumentPump(transport, 2, stats);
      const first = ticketFor(1);
      const second = ticketFor(3);
      pump.enqueue(docs(first.ticket, 'in-flight'));
      pump.enqueue(docs(second.ticket, 'old', 'mid', 'new'));
      expect(stats.documentsDroppedQueueFull).toBe(1);
      transport.release();
      await expect.poll(() => transport.batches.length, { timeout: 10_000 }).toBe(2);
      transport.release();
      await expect.poll(() => transport.batches.length, { timeout: 10_000 }).toBe(3);
      transport.release();
      expect(await pump.whenIdle(1000)).toBe(true);
      expect(transport.batches).toEqual([['in-flight'], ['mid'], ['new']]);
      expect(second.results).toHaveLength(1);
      expect(second.results[0]!.code).toBe(ExportResultCode.FAILED);
    });
  });

  describe('whenIdle', () => {
    it('resolves false after the timeout while a send hangs', async () => {
      const transport = recorder({ hold: true });
      const pump = new DocumentPump(transport, 10, newStats());
      pump.enqueue(docs(ticketFor(1).ticket, 'a'));
      expect(await pump.whenIdle(20)).toBe(false);
      transport.release();
      expect(await pump.whenIdle(1000)).toBe(true);
    });
  });

  describe('abandon', () => {
    it('settles queued documents as lost and returns their number', async () => {
      const transport = recorder({ maxBatchDocuments: 1, hold: true });
      const pump = new DocumentPump(transport, 10, newStats());
      const { ticket, results } = ticketFor(3);
      pump.enqueue(docs(ticket, 'a', 'b', 'c'));
      expect(pump.abandon()).toBe(2);
      transport.release();
      await pump.whenIdle(1000);
      expect(results).toHaveLength(1);
      expect(results[0]!.code).toBe(ExportResultCode.FAILED);
    });
  });
});
