import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../src/ingest/byte-budget.ts';
import { Ingestor } from '../../src/ingest/ingestor.ts';
import { UdpReceiver } from '../../src/ingest/udp-receiver.ts';
import { startLocalXRay } from '../../src/index.ts';
import { emptyStats } from '../../src/stats.ts';
import { MemoryTraceStore } from '../../src/store/memory-trace-store.ts';
import { nowSeconds, segment, traceId } from '../helpers/documents.ts';
import { kernelDrops } from '../helpers/kernel-drops.ts';

const HEADER = '{"format":"json","version":1}\n';

describe('daemon UDP port', () => {
  describe('stop', () => {
    it('stores every datagram the socket received before it closed', async () => {
      const xray = await startLocalXRay({ port: 0 });
      const socket = createSocket('udp4');
      const sent = 3_000;
      const t = traceId();
      await Promise.all(
        Array.from({ length: sent }, (_, i) => {
          const doc = segment({
            trace: t,
            name: `svc-${i}`,
            start: nowSeconds(),
            end: nowSeconds(),
          });
          return new Promise<void>((resolve, reject) =>
            socket.send(HEADER + JSON.stringify(doc), xray.port, '127.0.0.1', (e) =>
              e ? reject(e) : resolve(),
            ),
          );
        }),
      );
      await new Promise<void>((resolve) =>
        socket.send('not a daemon datagram', xray.port, '127.0.0.1', () => resolve()),
      );
      // 3,001 datagrams at once may overflow the socket's receive buffer: the kernel's drops are
      // final once every send has completed, so read them before the socket closes.
      const lostInKernel = kernelDrops(xray.port);
      await new Promise<void>((resolve) => socket.close(resolve));
      await xray.stop();
      const stats = xray.stats();
      // every datagram is accounted for: received, dropped over the budget, or lost in the kernel
      if (lostInKernel === undefined)
        expect(stats.datagramsReceived + stats.datagramsDropped).toBeLessThanOrEqual(sent + 1);
      else expect(stats.datagramsReceived + stats.datagramsDropped + lostInKernel).toBe(sent + 1);
      // and every datagram received before the stop is stored (or refused as not a datagram)
      expect(stats.documentsAccepted + stats.datagramsRejected).toBe(stats.datagramsReceived);
      expect(stats.datagramsRejected).toBeLessThanOrEqual(1);
      expect(stats.documentsAccepted).toBeGreaterThan(0);
    });

    it('loses nothing of a burst that fits in the receive buffer', async () => {
      const xray = await startLocalXRay({ port: 0 });
      const socket = createSocket('udp4');
      // 64 small datagrams take < 128 KiB of receive buffer (each under 2 KiB with the kernel's
      // overhead), below Linux's default 208 KiB before the server raises it: none can be lost.
      const sent = 64;
      const t = traceId();
      await Promise.all(
        Array.from(
          { length: sent },
          (_, i) =>
            new Promise<void>((resolve, reject) => {
              const doc = segment({
                trace: t,
                name: `s-${i}`,
                start: nowSeconds(),
                end: nowSeconds(),
              });
              socket.send(HEADER + JSON.stringify(doc), xray.port, '127.0.0.1', (e) =>
                e ? reject(e) : resolve(),
              );
            }),
        ),
      );
      expect(kernelDrops(xray.port) ?? 0).toBe(0);
      await new Promise<void>((resolve) => socket.close(resolve));
      await xray.stop();
      const stats = xray.stats();
      expect(stats.datagramsReceived).toBe(sent);
      expect(stats.documentsAccepted).toBe(sent);
      expect(stats.datagramsDropped).toBe(0);
    });

    it('can be called again and before anything was sent', async () => {
      const xray = await startLocalXRay({ port: 0 });
      await Promise.all([xray.stop(), xray.stop()]);
      await xray.stop();
      expect(xray.stats().datagramsReceived).toBe(0);
    });
  });

  describe('settle', () => {
    function receiver() {
      const store = new MemoryTraceStore(10_000);
      const stats = emptyStats();
      const udp = new UdpReceiver(new Ingestor(store, stats, Date.now), stats, {
        budget: new ByteBudget(64 * 1024 * 1024),
        log: () => {},
      });
      return { udp, store, stats };
    }

    it('resolves once every datagram sent before it is stored', async () => {
      const { udp, stats } = receiver();
      const port = await udp.bind(0, '127.0.0.1');
      const socket = createSocket('udp4');
      const t = traceId();
      // 500 at once may overflow the receive buffer: settle promises what reached the socket
      for (let round = 1; round <= 3; round++) {
        await Promise.all(
          Array.from(
            { length: 500 },
            (_, i) =>
              new Promise<void>((resolve, reject) => {
                const doc = segment({ trace: t, name: `s-${round}-${i}`, start: 1, end: 2 });
                socket.send(HEADER + JSON.stringify(doc), port, '127.0.0.1', (e) =>
                  e ? reject(e) : resolve(),
                );
              }),
          ),
        );
        await udp.settle();
        const lostInKernel = kernelDrops(port);
        expect(stats.documentsAccepted).toBe(stats.datagramsReceived);
        if (lostInKernel === undefined)
          expect(stats.documentsAccepted).toBeLessThanOrEqual(round * 500);
        else expect(stats.documentsAccepted + udp.dropped() + lostInKernel).toBe(round * 500);
      }
      await new Promise<void>((resolve) => socket.close(resolve));
      await udp.close();
    });

    it('resolves at once before the port is bound and after it is closed', async () => {
      const { udp } = receiver();
      await udp.settle();
      await udp.bind(0, '127.0.0.1');
      await udp.settle();
      await udp.close();
      await udp.settle(60_000);
    });
  });
});
