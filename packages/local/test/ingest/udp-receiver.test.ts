import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { startLocalXRay } from '../../src/index.ts';
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
});
