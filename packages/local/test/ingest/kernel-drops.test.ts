import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { kernelDrops } from '../helpers/kernel-drops.ts';

function bound(socket: Socket, port = 0): Promise<number> {
  return new Promise((resolve) =>
    socket.bind(port, '127.0.0.1', () => resolve(socket.address().port)),
  );
}

describe('kernelDrops (test helper)', () => {
  describe('on Linux', () => {
    it.runIf(process.platform === 'linux')(
      'counts what a full receive buffer dropped, so sent = received + kernel drops',
      async () => {
        const receiver = createSocket({ type: 'udp4', recvBufferSize: 4096 });
        let received = 0;
        receiver.on('message', () => received++);
        const port = await bound(receiver);
        expect(kernelDrops(port)).toBe(0);
        const sender = createSocket('udp4');
        await new Promise<void>((resolve) => sender.connect(port, '127.0.0.1', resolve));
        // the event loop is blocked while sending, so nothing is read and the buffer overflows
        const sent = 500;
        for (let i = 0; i < sent; i++) sender.send(Buffer.alloc(512, 0x61));
        await new Promise<void>((resolve) => sender.close(resolve));
        for (let i = 0; i < 200 && received + (kernelDrops(port) ?? 0) < sent; i++)
          await new Promise((r) => setTimeout(r, 5));
        const drops = kernelDrops(port) ?? 0;
        expect(drops).toBeGreaterThan(0);
        expect(received + drops).toBe(sent);
        await new Promise<void>((resolve) => receiver.close(resolve));
        expect(kernelDrops(port)).toBeUndefined();
      },
    );
  });
});
