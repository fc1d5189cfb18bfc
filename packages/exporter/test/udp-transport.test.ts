import { afterEach, describe, expect, it } from 'vitest';
import { createUdpTransport, encodeDatagram } from '../src/internal/udp-transport.ts';
import type { DocumentTransport } from '../src/internal/document-transport.ts';
import { closedUdpPort, listenUdp } from './support/udp-listener.ts';
import type { UdpListener } from './support/udp-listener.ts';
import { newStats } from './support/stats.ts';

const HEADER = '{"format":"json","version":1}';

describe('createUdpTransport', () => {
  let listener: UdpListener | undefined;
  let transport: DocumentTransport | undefined;
  afterEach(async () => {
    await transport?.shutdown();
    await listener?.close();
    listener = undefined;
    transport = undefined;
  });

  describe('send', () => {
    it('sends one datagram per document: header, LF, document', async () => {
      listener = await listenUdp();
      const stats = newStats();
      transport = createUdpTransport({
        address: { host: '127.0.0.1', port: listener.port },
        stats,
      });
      const docs = ['{"id":"a"}', '{"id":"b"}', '{"id":"c"}'];
      expect(await transport.send(docs)).toEqual([true, true, true]);
      const received = await listener.waitFor(3);
      expect([...received].sort()).toEqual(docs.map((doc) => `${HEADER}\n${doc}`));
      expect(stats).toMatchObject({ requests: 3, sendErrors: 0 });
    });

    it('resolves host names', async () => {
      listener = await listenUdp();
      transport = createUdpTransport({
        address: { host: 'localhost', port: listener.port },
        stats: newStats(),
      });
      expect(await transport.send(['{"id":"a"}'])).toEqual([true]);
      expect(await listener.waitFor(1)).toEqual([`${HEADER}\n{"id":"a"}`]);
    });

    it('reports a datagram over the UDP limit as not delivered', async () => {
      listener = await listenUdp();
      const stats = newStats();
      transport = createUdpTransport({
        address: { host: '127.0.0.1', port: listener.port },
        stats,
      });
      const huge = JSON.stringify({ id: 'a', blob: 'x'.repeat(70_000) });
      expect(await transport.send([huge, '{"id":"b"}'])).toEqual([false, true]);
      expect(stats.sendErrors).toBe(1);
    });

    it('has a document limit that fits the largest UDP payload with the header', () => {
      transport = createUdpTransport({
        address: { host: '127.0.0.1', port: 9 },
        stats: newStats(),
      });
      expect(transport.maxDocumentBytes + HEADER.length + 1).toBe(65_507);
      expect(encodeDatagram('{}').toString()).toBe(`${HEADER}\n{}`);
    });
  });

  describe('a dead daemon', () => {
    it('counts the refusals as send errors and never throws', async () => {
      const port = await closedUdpPort();
      const stats = newStats();
      transport = createUdpTransport({ address: { host: '127.0.0.1', port }, stats });
      for (let i = 0; i < 5; i++) {
        expect(await transport.send([`{"id":"${i}"}`])).toEqual([true]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await expect.poll(() => stats.sendErrors, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(stats.requests).toBe(5);
    });

    it('reports every document undelivered when the host does not resolve', async () => {
      const stats = newStats();
      transport = createUdpTransport({
        address: { host: 'no-such-host.invalid', port: 2000 },
        stats,
      });
      expect(await transport.send(['{"id":"a"}', '{"id":"b"}'])).toEqual([false, false]);
      expect(stats.sendErrors).toBe(1);
    });
  });

  describe('shutdown', () => {
    it('is idempotent and makes later sends fail', async () => {
      listener = await listenUdp();
      transport = createUdpTransport({
        address: { host: '127.0.0.1', port: listener.port },
        stats: newStats(),
      });
      await transport.send(['{"id":"a"}']);
      await transport.shutdown();
      await transport.shutdown();
      expect(await transport.send(['{"id":"b"}'])).toEqual([false]);
    });
  });
});
