import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { BatchGetTracesCommand, GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badDatagram, badRequest, prng } from './helpers/bad-inputs.ts';
import { demoTrace, nowSeconds, segment, traceId } from './helpers/documents.ts';
import { kernelDrops } from './helpers/kernel-drops.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const DATAGRAMS = 100_000;
const REQUESTS = 3_000;
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

function post(path: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.xray.endpoint}${path}`,
      { method: 'POST', headers: { ...headers, 'content-length': body.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
}

describe('robustness', () => {
  describe('fuzzing over real sockets', () => {
    it('survives 100,000 bad datagrams and thousands of bad requests without losing a good document', async () => {
      const before = demoTrace(nowSeconds() - 30, { orderId: 'before-fuzz' });
      await s.put(before.documents);
      const r = prng(20261125);
      const socket = createSocket('udp4');
      const start = s.xray.stats();
      // Bursts of 1,000 can outrun the socket's receive buffer on a busy machine: what the kernel
      // drops never reaches the server, so the test accounts for every datagram instead of
      // assuming none is lost.
      const kernelBefore = kernelDrops(s.xray.port) ?? 0;
      const accounted = (): number => {
        const now = s.xray.stats();
        return (
          now.datagramsReceived -
          start.datagramsReceived +
          now.datagramsDropped -
          start.datagramsDropped +
          (kernelDrops(s.xray.port) ?? 0) -
          kernelBefore
        );
      };
      for (let sent = 0; sent < DATAGRAMS;) {
        const burst = Math.min(1000, DATAGRAMS - sent);
        await Promise.all(
          Array.from(
            { length: burst },
            () =>
              new Promise<void>((resolve) =>
                socket.send(badDatagram(r), s.xray.port, '127.0.0.1', () => resolve()),
              ),
          ),
        );
        sent += burst;
        await waitFor(() => accounted() >= sent);
      }
      socket.close();
      s.xray.flush();
      const afterUdp = s.xray.stats();
      const received = afterUdp.datagramsReceived - start.datagramsReceived;
      const dropped = afterUdp.datagramsDropped - start.datagramsDropped;
      const lostInKernel = kernelDrops(s.xray.port);
      // sent = received by the server + dropped over its byte budget + dropped by the kernel
      if (lostInKernel === undefined) expect(received + dropped).toBeLessThanOrEqual(DATAGRAMS);
      else expect(received + dropped + lostInKernel - kernelBefore).toBe(DATAGRAMS);
      // most of the flood was read: a server that stopped reading would not pass
      expect(received).toBeGreaterThan(DATAGRAMS / 2);
      // every datagram the server read was refused, either as a datagram or as a document
      expect(afterUdp.documentsAccepted).toBe(start.documentsAccepted);
      expect(
        afterUdp.datagramsRejected -
          start.datagramsRejected +
          afterUdp.documentsRejected -
          start.documentsRejected,
      ).toBe(received);

      const statuses = new Map<number, number>();
      for (let i = 0; i < REQUESTS; i += 10) {
        const codes = await Promise.all(
          Array.from({ length: 10 }, () => {
            const { path, body, headers } = badRequest(r);
            return post(path, body, headers);
          }),
        );
        for (const c of codes) statuses.set(c, (statuses.get(c) ?? 0) + 1);
      }
      const big = await post('/TraceSegments', Buffer.alloc(6 * 1024 * 1024, 0x20), {});
      expect(big).toBe(413);
      // 403: a text/plain write (refused as a cross-site content type)
      expect([...statuses.keys()].every((c) => [200, 400, 403, 404, 413].includes(c))).toBe(true);
      expect(s.xray.stats().documentsAccepted).toBe(start.documentsAccepted);

      const kept = await s.client.send(new BatchGetTracesCommand({ TraceIds: [before.trace] }));
      expect(kept.Traces?.[0]?.Segments).toHaveLength(5);
      const after = demoTrace(nowSeconds() - 20, { orderId: 'after-fuzz' });
      await s.put(after.documents);
      const t = traceId();
      const udp = createSocket('udp4');
      const doc = segment({
        trace: t,
        name: 'after-udp',
        start: nowSeconds(),
        end: nowSeconds() + 1,
      });
      await new Promise<void>((resolve) =>
        udp.send(
          `{"format":"json","version":1}\n${JSON.stringify(doc)}`,
          s.xray.port,
          '127.0.0.1',
          () => resolve(),
        ),
      );
      udp.close();
      await waitFor(
        () =>
          s.xray.stats().documentsAccepted >= start.documentsAccepted + after.documents.length + 1,
      );
      s.xray.flush();
      const found = await s.client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date((nowSeconds() - 120) * 1000),
          EndTime: new Date((nowSeconds() + 60) * 1000),
          FilterExpression:
            'annotation.order_id = "before-fuzz" OR annotation.order_id = "after-fuzz" OR service("after-udp")',
        }),
      );
      expect(found.TraceSummaries?.map((x) => x.Id).sort()).toEqual(
        [before.trace, after.trace, t].sort(),
      );
    }, 300_000);
  });
});
