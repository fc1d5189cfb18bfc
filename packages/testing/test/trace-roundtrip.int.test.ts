import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { createSocket } from 'node:dgram';
import { GetServiceGraphCommand, GetSamplingRulesCommand, XRayClient } from '@aws-sdk/client-xray';
import { registerMatchers, startLocalXRay, waitForTrace, type LocalXRay } from '../src/index.ts';
import { sentDocuments } from './helpers/fixtures.ts';
import { freshDocuments } from './helpers/fresh-documents.ts';
import { ORDER_FLOW } from './helpers/expected-trees.ts';

registerMatchers();

/** Sends each document as one daemon-protocol datagram; resolves after the last send. */
async function sendOverUdp(
  address: string,
  documents: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const [host, port] = [
    address.slice(0, address.lastIndexOf(':')),
    Number(address.slice(address.lastIndexOf(':') + 1)),
  ];
  const socket = createSocket('udp4');
  for (const doc of documents) {
    const datagram = Buffer.from(`{"format":"json","version":1}\n${JSON.stringify(doc)}`);
    await new Promise<void>((resolve, reject) =>
      socket.send(datagram, port, host, (e) => (e ? reject(e) : resolve())),
    );
  }
  socket.close();
}

describe('trace round trip', () => {
  describe('through a local X-Ray started in the test', () => {
    let xray: LocalXRay;
    beforeAll(async () => {
      xray = await startLocalXRay({ port: 0 });
    });
    afterAll(async () => {
      await xray.stop();
    });

    it('turns the order flow sent over UDP into the expected tree, inferred nodes included', async () => {
      const { traceId, documents } = freshDocuments(sentDocuments());
      await sendOverUdp(xray.udpAddress, documents);
      const sentAt = performance.now();
      const trace = await waitForTrace(traceId, {
        xray: xray.endpoint,
        services: ['orders', 'inventory', 'shipping'],
      });
      expect(trace).toHaveTraceTree(ORDER_FLOW);
      const assertableMs = performance.now() - sentAt;
      process.stderr.write(
        `[trace] last datagram sent → tree assertable: ${assertableMs.toFixed(0)} ms\n${trace.print()}\n`,
      );
      expect(trace).toBeOneTrace();
      expect(trace).toHaveAnnotation('carrier', 'ups');
      expect(trace).toHaveServiceGraphEdge('orders', { name: 'SNS', type: 'AWS::SNS' });
      expect(trace).toHaveServiceGraphEdge(
        { type: 'AWS::SQS::Queue' },
        { name: 'shipping', type: '' },
      );
    });

    it("shows the same edges in the local X-Ray's GetServiceGraph", async () => {
      const { traceId, documents } = freshDocuments(sentDocuments());
      await sendOverUdp(xray.udpAddress, documents);
      await waitForTrace(traceId, { xray: xray.endpoint, segments: 4 });
      const client = new XRayClient({
        endpoint: xray.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      });
      const graph = await client.send(
        new GetServiceGraphCommand({
          StartTime: new Date(Date.now() - 600_000),
          EndTime: new Date(Date.now() + 60_000),
        }),
      );
      client.destroy();
      expect(graph).toHaveServiceGraphEdge('client', 'orders');
      expect(graph).toHaveServiceGraphEdge('orders', 'AWS::SNS');
      expect(graph).toHaveServiceGraphEdge('AWS::SNS', 'inventory');
      expect(graph).toHaveServiceGraphEdge('inventory', 'AWS::SQS::Queue');
      expect(graph).toHaveServiceGraphEdge('AWS::SQS::Queue', { name: 'shipping', type: '' });
    });

    it('finds the trace by filter expression', async () => {
      const { traceId, documents } = freshDocuments(sentDocuments());
      await sendOverUdp(xray.udpAddress, documents);
      const trace = await waitForTrace(`service("shipping") AND annotation.carrier = "ups"`, {
        xray: xray.endpoint,
        until: (t) => t.id === traceId,
      });
      expect(trace.id).toBe(traceId);
    });
  });

  describe('through the global setup', () => {
    it('hands the local X-Ray endpoints to the tests', async () => {
      const endpoint = inject('xrayEndpoint');
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(process.env.AWS_ENDPOINT_URL_XRAY).toBe(endpoint);
      expect(process.env.AWS_XRAY_DAEMON_ADDRESS).toBe(inject('xrayDaemonAddress'));
      const client = new XRayClient({}); // configured by the environment alone
      const rules = await client.send(new GetSamplingRulesCommand({}));
      client.destroy();
      expect(rules.SamplingRuleRecords?.map((r) => r.SamplingRule?.RuleName)).toContain('Default');
    });
  });
});
