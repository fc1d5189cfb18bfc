import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  GetTraceSummariesCommand,
} from '@aws-sdk/client-xray';
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoTrace, nowSeconds } from '../helpers/documents.ts';
import { kernelDrops } from '../helpers/kernel-drops.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The demo once printed a map without two edges: it asked right after its services had sent
// their last documents over UDP. Every read route answers from every document received before
// the request; these tests send and ask at once, with nothing in between.

const HEADER = '{"format":"json","version":1}\n';
const TRACES = 300;

let s: TestServer;
let socket: Socket;
const t0 = nowSeconds() - 30;

beforeEach(async () => {
  s = await startTestServer();
  socket = createSocket('udp4');
});
afterEach(async () => {
  await new Promise<void>((resolve) => socket.close(resolve));
  await s.close();
});

/**
 * Sends `TRACES` demo traces (one datagram per document); resolves once all left the socket and
 * reached the server's. A burst this size can overflow the socket's receive buffer on a busy
 * machine, which no read barrier can see: when the kernel reports drops, the whole burst is sent
 * again (a document with the same ID replaces itself), so the request still follows a full burst.
 */
async function sendOverUdp(): Promise<Array<ReturnType<typeof demoTrace>>> {
  const traces = Array.from({ length: TRACES }, (_, i) =>
    demoTrace(t0 + (i % 20), { orderId: `o-${i}` }),
  );
  const datagrams = traces.flatMap((t) => t.documents).map((doc) => HEADER + JSON.stringify(doc));
  for (let attempt = 1; ; attempt++) {
    const before = kernelDrops(s.xray.port) ?? 0;
    await Promise.all(
      datagrams.map(
        (datagram) =>
          new Promise<void>((resolve, reject) =>
            socket.send(datagram, s.xray.port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
          ),
      ),
    );
    const lost = (kernelDrops(s.xray.port) ?? 0) - before;
    if (lost === 0) return traces;
    if (attempt === 5) throw new Error(`the kernel dropped ${lost} datagrams of every burst`);
  }
}

const window = () => ({
  StartTime: new Date((t0 - 60) * 1000),
  EndTime: new Date((t0 + 60) * 1000),
});

describe('local X-Ray reads right after UDP ingest', () => {
  describe('GetServiceGraph', () => {
    it('counts every trace sent before the request, with every edge', async () => {
      await sendOverUdp();
      const out = await s.client.send(new GetServiceGraphCommand(window()));
      const nodes = out.Services ?? [];
      const named = (name: string, client = false) =>
        nodes.find((n) => n.Name === name && (n.Type === 'client') === client);
      const edge = (from: string, to: string) =>
        named(from)?.Edges?.find((e) => e.ReferenceId === named(to)?.ReferenceId);
      for (const name of ['orders', 'inventory', 'shipping']) {
        expect(named(name)?.SummaryStatistics?.TotalCount).toBe(TRACES);
      }
      expect(
        named('orders', true)?.Edges?.find((e) => e.ReferenceId === named('orders')?.ReferenceId)
          ?.SummaryStatistics?.TotalCount,
      ).toBe(TRACES);
      expect(edge('orders', 'SNS')?.SummaryStatistics?.TotalCount).toBe(TRACES);
      expect(edge('SNS', 'inventory')?.SummaryStatistics?.TotalCount).toBe(TRACES);
      expect(edge('inventory', 'SQS')?.SummaryStatistics?.TotalCount).toBe(TRACES);
      expect(edge('SQS', 'shipping')?.SummaryStatistics?.TotalCount).toBe(TRACES);
    });
  });

  describe('GetTraceSummaries', () => {
    it('finds every trace, through the annotation index too', async () => {
      const traces = await sendOverUdp();
      const all = await s.client.send(
        new GetTraceSummariesCommand({ ...window(), TimeRangeType: 'Event' }),
      );
      let found = all.TraceSummaries?.length ?? 0;
      for (let token = all.NextToken; token !== undefined;) {
        const page = await s.client.send(
          new GetTraceSummariesCommand({ ...window(), TimeRangeType: 'Event', NextToken: token }),
        );
        found += page.TraceSummaries?.length ?? 0;
        token = page.NextToken;
      }
      expect(found).toBe(TRACES);
      const last = traces[TRACES - 1]!;
      const one = await s.client.send(
        new GetTraceSummariesCommand({
          ...window(),
          FilterExpression: `annotation.order_id = "o-${TRACES - 1}"`,
        }),
      );
      expect(one.TraceSummaries?.map((t) => t.Id)).toEqual([last.trace]);
    });
  });

  describe('BatchGetTraces', () => {
    it('returns every document of the last trace sent', async () => {
      const traces = await sendOverUdp();
      const last = traces[TRACES - 1]!;
      const out = await s.client.send(new BatchGetTracesCommand({ TraceIds: [last.trace] }));
      const ids = out.Traces?.[0]?.Segments?.map((seg) => seg.Id);
      // the three sent, plus the inferred SNS topic and SQS queue segments
      expect(ids).toHaveLength(5);
      expect(ids).toEqual(expect.arrayContaining(last.documents.map((d) => d.id)));
    });
  });

  describe('GetTimeSeriesServiceStatistics', () => {
    it('counts every trace sent before the request', async () => {
      await sendOverUdp();
      const out = await s.client.send(
        new GetTimeSeriesServiceStatisticsCommand({
          ...window(),
          EntitySelectorExpression: 'service("shipping")',
        }),
      );
      const total = (out.TimeSeriesServiceStatistics ?? []).reduce(
        (n, p) => n + (p.ServiceSummaryStatistics?.TotalCount ?? 0),
        0,
      );
      expect(total).toBe(TRACES);
    });
  });
});
