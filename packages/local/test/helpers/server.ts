// Starts a local X-Ray on a free port with an SDK client pointed at it.
import { PutTraceSegmentsCommand, XRayClient } from '@aws-sdk/client-xray';
import { startLocalXRay, type LocalXRay, type LocalXRayOptions } from '../../src/index.ts';

export interface TestServer {
  xray: LocalXRay;
  client: XRayClient;
  put(docs: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTestServer(options: LocalXRayOptions = {}): Promise<TestServer> {
  const xray = await startLocalXRay({ port: 0, ...options });
  const client = new XRayClient({
    endpoint: xray.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    xray,
    client,
    put: (docs) =>
      client.send(
        new PutTraceSegmentsCommand({
          TraceSegmentDocuments: docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))),
        }),
      ),
    close: async () => {
      client.destroy();
      await xray.stop();
    },
  };
}
