// The bundle LocalStack's Lambda would run (container mode cannot run here: no Docker engine), run
// the way a Lambda container runs it: index.mjs alone in a directory outside the repository (no
// node_modules, no TypeScript), loaded by the real runtime client through the local Runtime API,
// its segments read back from a real local X-Ray.
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchGetTracesCommand, XRayClient } from '@aws-sdk/client-xray';
import { startLocalXRay } from '@otel-xray/local';
import type { LocalXRay } from '@otel-xray/local';
import { startLocalFunction } from '@otel-xray/testing';
import { bundleNotificationsHandler, notificationsZip } from '../src/notifications-bundle.ts';

let xray: LocalXRay;
let dir: string;
beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'notifications-bundle-'));
  writeFileSync(join(dir, 'index.mjs'), await bundleNotificationsHandler());
});
afterAll(async () => {
  await xray?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const record = (messageId: string, customerId: string) => ({
  messageId,
  receiptHandle: messageId,
  body: JSON.stringify({ type: 'OrderPlaced', order: { id: `o-${messageId}`, customerId } }),
  attributes: {
    ApproximateReceiveCount: '1',
    AWSTraceHeader: 'Root=1-6b160000-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:notifications',
  awsRegion: 'us-east-1',
});

describe('the notifications bundle for LocalStack Lambda', () => {
  it('is one self-contained module: it runs under the runtime client from a directory without node_modules', async () => {
    expect(readdirSync(dir)).toEqual(['index.mjs']);
    const fn = startLocalFunction({
      name: 'notifications',
      handler: 'index.handler',
      taskRoot: dir,
      daemonAddress: xray.udpAddress,
      timeoutSeconds: 10,
    });
    try {
      const result = await fn.invoke({ Records: [record('m1', 'c-1'), record('m2', 'c-bounce')] });
      expect(result.functionError, JSON.stringify(result.payload)).toBeUndefined();
      // the bounced customer's record is reported, the other one is not
      expect(result.payload).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
      await fn.flush();
      const client = new XRayClient({
        endpoint: xray.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const out = await client.send(new BatchGetTracesCommand({ TraceIds: [result.traceId] }));
      const names = (out.Traces?.[0]?.Segments ?? []).flatMap((s) => {
        const doc = JSON.parse(s.Document ?? '{}') as {
          name?: string;
          subsegments?: Array<{ name?: string }>;
        };
        return [doc.name, ...(doc.subsegments ?? []).map((sub) => sub.name)];
      });
      // the handler's own subsegment came from the bundled @otel-xray/lambda, under the runner's
      // AWS::Lambda::Function segment
      expect(names).toContain('## index.handler');
    } finally {
      await fn.stop();
    }
  });

  it('zips as a deployment package holding index.mjs only', async () => {
    const zip = await notificationsZip();
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.includes(Buffer.from('index.mjs'))).toBe(true);
    // one entry (one central directory header)
    expect(zip.toString('latin1').split('PK\x01\x02').length - 1).toBe(1);
  });
});
