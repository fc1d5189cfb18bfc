// The notifications function on LocalStack's Lambda, through the seam: what the sample system asks
// LocalStack for, recorded by a fake Lambda API on 127.0.0.1 (the real SDK sends it; no Docker).
import { describe, it, expect, afterEach } from 'vitest';
import { startNotificationsFunction } from '../src/notifications-function.ts';
import {
  startRecordingLambdaApi,
  type RecordingLambdaApi,
} from '../../../packages/testing/test/helpers/recording-lambda-api.ts';

let api: RecordingLambdaApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const queueUrl = 'http://127.0.0.1:4566/000000000000/it-notifications';

describe('startNotificationsFunction on the localstack target', () => {
  it('creates the function with the daemon the container reaches and maps its queue for batch item failures', async () => {
    api = await startRecordingLambdaApi({ states: ['Active'] });
    const fn = await startNotificationsFunction({
      queueUrl,
      daemonAddress: 'host.docker.internal:40000',
      target: 'localstack',
      endpoint: api.endpoint,
      region: 'us-east-1',
    });
    expect(fn.target.kind).toBe('localstack');
    await fn.stop();
    const create = JSON.parse(
      api.requests.find((r) => r.method === 'POST' && r.path === '/2015-03-31/functions')!.body,
    ) as { Environment: { Variables: Record<string, string> }; Code: { ZipFile: string } };
    expect(create).toMatchObject({
      FunctionName: 'notifications',
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
    });
    expect(create.Environment.Variables).toMatchObject({
      AWS_XRAY_DAEMON_ADDRESS: 'host.docker.internal:40000',
    });
    const zip = Buffer.from(create.Code.ZipFile, 'base64');
    expect(zip.includes(Buffer.from('index.mjs'))).toBe(true);
    // one entry (one central directory header): the bundled index.mjs, no node_modules
    const entries = zip.toString('latin1').split('PK\x01\x02').length - 1;
    expect(entries).toBe(1);
    const mapping = JSON.parse(
      api.requests.find((r) => r.path === '/2015-03-31/event-source-mappings')!.body,
    ) as Record<string, unknown>;
    expect(mapping).toEqual({
      FunctionName: 'notifications',
      EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:it-notifications',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Enabled: true,
    });
    expect(fn.batches).toEqual([]);
  });

  it('removes the function again when the mapping cannot be created', async () => {
    api = await startRecordingLambdaApi({ states: ['Active'] });
    await expect(
      startNotificationsFunction({
        queueUrl: 'http://127.0.0.1:4566/not-a-queue',
        daemonAddress: 'host.docker.internal:40000',
        target: 'localstack',
        endpoint: api.endpoint,
        region: 'us-east-1',
      }),
    ).rejects.toThrow('not an SQS queue URL');
    expect(api.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/2015-03-31/functions/notifications',
    });
  });

  it('asks for an endpoint instead of calling real AWS', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL;
    try {
      await expect(
        startNotificationsFunction({
          queueUrl,
          daemonAddress: 'host.docker.internal:40000',
          target: 'localstack',
        }),
      ).rejects.toThrow('the localstack Lambda target needs AWS_ENDPOINT_URL');
    } finally {
      if (saved !== undefined) process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
