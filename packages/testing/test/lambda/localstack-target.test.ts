// The LocalStack Lambda target's exact API requests, sent by the real AWS SDK over HTTP to a
// recording server posing as LocalStack's Lambda endpoint (no Docker needed).
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  localStackFunctionTarget,
  queueArnFromUrl,
} from '../../src/lambda/target/localstack-target.ts';
import { directoryEntries, zipDirectory } from '../../src/lambda/container/zip-directory.ts';
import {
  startRecordingLambdaApi,
  type RecordingLambdaApi,
} from '../helpers/recording-lambda-api.ts';

let api: RecordingLambdaApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A function directory with code, a nested file, node_modules and a symlink. */
function functionDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'lcont-fn-'));
  writeFileSync(join(root, 'index.mjs'), 'export const handler = async () => ({});\n');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'compose.mjs'), 'export const compose = () => 1;\n');
  mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'dep', 'index.js'), 'module.exports = 1;\n');
  symlinkSync(join(root, 'index.mjs'), join(root, 'link.mjs'));
  return root;
}

/** Names and the first file's text of a zip, read by Python's zipfile (an independent reader). */
function listZip(zip: Buffer): string[] {
  const script =
    'import sys, zipfile, io\n' +
    'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\n' +
    'assert z.testzip() is None\n' +
    'print("\\n".join(z.namelist()))';
  return execFileSync('python3', ['-c', script], { input: zip })
    .toString('utf8')
    .trim()
    .split('\n');
}

const functionConfig = (taskRoot: string) => ({
  name: 'notifications',
  handler: 'index.handler',
  taskRoot,
  timeoutSeconds: 2.5,
  memoryMb: 256,
  environment: { STAGE: 'test', AWS_REGION: 'reserved', _HANDLER: 'reserved' },
  daemonAddress: '127.0.0.1:2000', // what the local runner would use; the target's wins
  nodeArgs: ['--conditions=otel-xray-source'],
});

describe('zipDirectory', () => {
  it('zips the code, leaving out node_modules and symlinks, in a stable order', () => {
    const root = functionDir();
    expect(directoryEntries(root).map((e) => e.path)).toEqual(['index.mjs', 'src/compose.mjs']);
    expect(listZip(zipDirectory(root))).toEqual(['index.mjs', 'src/compose.mjs']);
    expect(zipDirectory(root)).toEqual(zipDirectory(root));
  });
});

describe('queueArnFromUrl', () => {
  it.each([
    'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/orders-notifications',
    'http://127.0.0.1:4566/000000000000/orders-notifications',
    'https://sqs.us-east-1.amazonaws.com/000000000000/orders-notifications',
  ])('reads account and name from %s', (url) => {
    expect(queueArnFromUrl(url, 'us-east-1')).toBe(
      'arn:aws:sqs:us-east-1:000000000000:orders-notifications',
    );
  });

  it('refuses what is not a queue URL', () => {
    expect(() => queueArnFromUrl('http://127.0.0.1:4566/orders', 'us-east-1')).toThrow(
      'not an SQS queue URL',
    );
    expect(() => queueArnFromUrl('not a url', 'us-east-1')).toThrow();
  });
});

describe('localStackFunctionTarget', () => {
  it('creates from a zip, waits for Active, maps the queue, invokes, and deletes — exact requests', async () => {
    api = await startRecordingLambdaApi({ states: ['Pending', 'Pending', 'Active'] });
    const root = functionDir();
    const target = localStackFunctionTarget({
      endpoint: api.endpoint,
      region: 'eu-west-1',
      daemonAddress: 'host.docker.internal:41234',
    });
    expect(target.kind).toBe('localstack');
    await target.start(functionConfig(root));
    await target.mapQueue('http://127.0.0.1:4566/000000000000/orders-notifications', {
      batchSize: 10,
      maximumBatchingWindowInSeconds: 1,
      reportBatchItemFailures: true,
    });
    await expect(target.invoke({ Records: [] })).resolves.toEqual({
      payload: { batchItemFailures: [] },
    });
    await expect(target.invoke({ fail: true })).resolves.toEqual({
      payload: { errorType: 'Error', errorMessage: 'boom' },
      functionError: 'Unhandled',
    });
    await target.stop();
    await target.stop(); // idempotent

    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /2015-03-31/functions',
      'GET /2015-03-31/functions/notifications',
      'GET /2015-03-31/functions/notifications',
      'GET /2015-03-31/functions/notifications',
      'POST /2015-03-31/event-source-mappings',
      'POST /2015-03-31/functions/notifications/invocations',
      'POST /2015-03-31/functions/notifications/invocations',
      'DELETE /2015-03-31/event-source-mappings/mapping-1',
      'DELETE /2015-03-31/functions/notifications',
    ]);
    const [create, , , , mapping, invoke] = api.requests;
    // signed for the target's region with LocalStack's test credentials, never real ones
    expect(create!.headers.authorization).toMatch(/Credential=test\/\d{8}\/eu-west-1\/lambda\//);
    const body = JSON.parse(create!.body) as {
      Code: { ZipFile: string };
      Environment: { Variables: Record<string, string> };
    } & Record<string, unknown>;
    expect(body).toMatchObject({
      FunctionName: 'notifications',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::000000000000:role/lambda-role',
      Timeout: 3,
      MemorySize: 256,
      TracingConfig: { Mode: 'Active' },
    });
    // the environment: the function's own, the daemon as the container reaches it, Node flags;
    // names Lambda reserves are left out (it refuses them)
    expect(body.Environment.Variables).toEqual({
      STAGE: 'test',
      AWS_XRAY_DAEMON_ADDRESS: 'host.docker.internal:41234',
      NODE_OPTIONS: '--conditions=otel-xray-source',
    });
    expect(listZip(Buffer.from(body.Code.ZipFile, 'base64'))).toEqual([
      'index.mjs',
      'src/compose.mjs',
    ]);
    expect(JSON.parse(mapping!.body)).toEqual({
      FunctionName: 'notifications',
      EventSourceArn: 'arn:aws:sqs:eu-west-1:000000000000:orders-notifications',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Enabled: true,
    });
    expect(JSON.parse(invoke!.body)).toEqual({ Records: [] });
  });

  it('leaves FunctionResponseTypes out when batch item failures are not reported', async () => {
    api = await startRecordingLambdaApi({ states: ['Active'] });
    const target = localStackFunctionTarget({
      endpoint: api.endpoint,
      region: 'us-east-1',
      daemonAddress: 'host.docker.internal:2000',
      zip: Buffer.from('PK-not-checked'),
    });
    await target.start(functionConfig('/nonexistent'));
    await target.mapQueue('http://127.0.0.1:4566/000000000000/q');
    await target.stop();
    const mapping = api.requests.find((r) => r.path === '/2015-03-31/event-source-mappings');
    expect(JSON.parse(mapping!.body)).toEqual({
      FunctionName: 'notifications',
      EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:q',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      Enabled: true,
    });
  });

  it('rejects with the API error when CreateFunction fails, and stop() deletes nothing', async () => {
    api = await startRecordingLambdaApi({
      createFails: { status: 500, body: { message: 'Docker not available' } },
    });
    const target = localStackFunctionTarget({
      endpoint: api.endpoint,
      region: 'us-east-1',
      daemonAddress: 'host.docker.internal:2000',
      zip: Buffer.from('zip'),
    });
    await expect(target.start(functionConfig('/nonexistent'))).rejects.toThrow(
      'Docker not available',
    );
    await target.stop();
    expect(api.requests.map((r) => r.method)).not.toContain('DELETE');
  });

  it('rejects when the function fails to become Active', async () => {
    api = await startRecordingLambdaApi({ states: ['Failed'] });
    const target = localStackFunctionTarget({
      endpoint: api.endpoint,
      region: 'us-east-1',
      daemonAddress: 'host.docker.internal:2000',
      zip: Buffer.from('zip'),
      activeTimeoutSeconds: 5,
    });
    await expect(target.start(functionConfig('/nonexistent'))).rejects.toThrow();
    await target.stop();
  });

  it('refuses to invoke or map before start', async () => {
    const target = localStackFunctionTarget({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      daemonAddress: 'host.docker.internal:2000',
    });
    await expect(target.invoke({})).rejects.toThrow('start() it first');
    await expect(target.mapQueue('http://127.0.0.1:4566/000000000000/q')).rejects.toThrow(
      'start() it first',
    );
    await target.stop();
  });
});
