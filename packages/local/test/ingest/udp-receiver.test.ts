import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../src/ingest/byte-budget.ts';
import { Ingestor } from '../../src/ingest/ingestor.ts';
import { UdpReceiver } from '../../src/ingest/udp-receiver.ts';
import { startLocalXRay } from '../../src/index.ts';
import { emptyStats } from '../../src/stats.ts';
import { MemoryTraceStore } from '../../src/store/memory-trace-store.ts';
import { nowSeconds, segment, traceId } from '../helpers/documents.ts';

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
      await new Promise<void>((resolve) => socket.close(resolve));
      await xray.stop();
      const stats = xray.stats();
      expect(stats.documentsAccepted).toBe(sent);
      expect(stats.datagramsReceived).toBe(sent + 1);
      expect(stats.datagramsRejected).toBe(1);
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
        expect(stats.documentsAccepted).toBe(round * 500);
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
