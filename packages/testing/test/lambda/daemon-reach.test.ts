// The local X-Ray as a LocalStack Lambda container reaches it: bound per localXRayBind, it takes
// segments over UDP and answers HTTP named host.docker.internal on a non-loopback interface of
// this machine — and, bound as everywhere else (127.0.0.1), it does not listen there at all.
import { describe, it, expect, afterEach } from 'vitest';
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startLocalXRay, type LocalXRay } from '@otel-xray/local';
import { functionDaemonAddress, localXRayBind } from '../../src/lambda/target/daemon-reach.ts';

/** The first non-loopback IPv4 address of this machine (what the Docker host gateway maps to). */
function externalAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('this machine has no non-loopback IPv4 interface to test the bind on');
}

function get(address: string, port: number, host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

let xray: LocalXRay | undefined;
afterEach(async () => {
  await xray?.stop();
  xray = undefined;
});

describe('the local X-Ray for a LocalStack Lambda container', () => {
  it('takes UDP segments and answers HTTP for host.docker.internal on a non-loopback address', async () => {
    const address = externalAddress();
    xray = await startLocalXRay({ port: 0, ...localXRayBind('localstack') });
    const port = Number(/:(\d+)$/.exec(xray.udpAddress)![1]);
    expect(functionDaemonAddress('localstack', xray.udpAddress)).toBe(
      `host.docker.internal:${port}`,
    );
    expect(await get(address, port, `host.docker.internal:${port}`, '/_local/stats')).toBe(200);
    // still DNS-rebinding-safe: other names are refused
    expect(await get(address, port, `evil.example:${port}`, '/_local/stats')).toBe(403);

    const socket = createSocket('udp4');
    const now = Date.now() / 1000;
    const doc = {
      trace_id: `1-${Math.floor(now).toString(16)}-0123456789abcdef01234567`,
      id: '0123456789abcdef',
      name: 'notifications',
      start_time: now,
      end_time: now + 0.01,
    };
    const before = xray.stats().datagramsReceived;
    await new Promise<void>((resolve, reject) =>
      socket.send(
        `{"format":"json","version":1}\n${JSON.stringify(doc)}`,
        port,
        address,
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    socket.close();
    const end = Date.now() + 5_000;
    while (xray.stats().datagramsReceived === before && Date.now() < end) {
      xray.flush();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(xray.stats().datagramsReceived).toBe(before + 1);
  });

  it('stays on 127.0.0.1 for the local runner: nothing listens on the other interface', async () => {
    const address = externalAddress();
    xray = await startLocalXRay({ port: 0, ...localXRayBind('local') });
    const port = Number(/:(\d+)$/.exec(xray.udpAddress)![1]);
    expect(xray.udpAddress).toBe(`127.0.0.1:${port}`);
    await expect(get(address, port, `127.0.0.1:${port}`, '/_local/stats')).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
