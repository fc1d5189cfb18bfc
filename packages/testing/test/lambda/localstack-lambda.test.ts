import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { localStackContainerPlan } from '../../src/emulator/container-plan.ts';
import { resolveFunctionConfig } from '../../src/lambda/function-config.ts';
import { zipFiles } from '../../src/lambda/container/zip-files.ts';
import { localStackLambdaPlan } from '../../src/lambda/container/localstack-lambda-plan.ts';
import {
  deployLocalStackLambda,
  lambdaHttpRequest,
} from '../../src/lambda/container/deploy-localstack-lambda.ts';

const config = resolveFunctionConfig(
  {
    name: 'notifications',
    handler: 'index.handler',
    taskRoot: '/tmp/fn',
    timeoutSeconds: 2.5,
    environment: { STAGE: 'test', AWS_REGION: 'ignored', _HANDLER: 'ignored' },
    nodeArgs: ['--enable-source-maps'],
  },
  {},
);
const zip = zipFiles([
  { path: 'index.mjs', data: Buffer.from('export const handler = async () => 1;\n') },
  { path: 'src/ünïcode.txt', data: Buffer.from('hello') },
]);

describe('zipFiles', () => {
  it('writes an archive an independent reader lists and extracts', () => {
    const script =
      'import sys, zipfile, io\n' +
      'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))\n' +
      'assert z.testzip() is None\n' +
      'print("|".join(z.namelist())); print(z.read("src/ünïcode.txt").decode())';
    const out = execFileSync('python3', ['-c', script], { input: zip }).toString('utf8');
    expect(out.trim().split('\n')).toEqual(['index.mjs|src/ünïcode.txt', 'hello']);
  });

  it('gives the same bytes for the same files', () => {
    expect(zipFiles([{ path: 'a', data: Buffer.from('x') }])).toEqual(
      zipFiles([{ path: 'a', data: Buffer.from('x') }]),
    );
  });
});

describe('localStackLambdaPlan', () => {
  const plan = localStackLambdaPlan(config, {
    zip,
    daemonAddress: 'host.docker.internal:2000',
    queue: {
      arn: 'arn:aws:sqs:us-east-1:000000000000:q',
      maximumBatchingWindowInSeconds: 1,
      reportBatchItemFailures: true,
    },
  });

  describe('for LocalStack', () => {
    it('turns Lambda on and lets function containers start and reach the host', () => {
      expect(plan.containerEnvironment).toMatchObject({
        SERVICES: 'sqs,sns,lambda',
        LAMBDA_DOCKER_FLAGS: '--add-host=host.docker.internal:host-gateway',
      });
      expect(plan.bindMounts).toEqual([
        { source: '/var/run/docker.sock', target: '/var/run/docker.sock' },
      ]);
    });

    it('goes into the container plan of container mode', () => {
      const container = localStackContainerPlan(
        { environment: plan.containerEnvironment, bindMounts: plan.bindMounts },
        {},
      );
      expect(container.environment.SERVICES).toBe('sqs,sns,lambda');
      expect(container.bindMounts).toEqual(plan.bindMounts);
      expect(localStackContainerPlan({}, {}).bindMounts).toBeUndefined();
    });
  });

  describe('requests', () => {
    it('creates the function from the zip with its configuration and Active tracing', () => {
      const [create] = plan.requests;
      expect(create).toMatchObject({ method: 'POST', path: '/2015-03-31/functions' });
      expect(create?.body).toEqual({
        FunctionName: 'notifications',
        Runtime: 'nodejs22.x',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Handler: 'index.handler',
        Code: { ZipFile: zip.toString('base64') },
        Timeout: 3,
        MemorySize: 128,
        Environment: {
          Variables: {
            STAGE: 'test',
            AWS_XRAY_DAEMON_ADDRESS: 'host.docker.internal:2000',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
        TracingConfig: { Mode: 'Active' },
      });
    });

    it('then maps the queue with the batching options', () => {
      expect(plan.requests[1]).toMatchObject({
        method: 'POST',
        path: '/2015-03-31/event-source-mappings',
        body: {
          FunctionName: 'notifications',
          EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:q',
          BatchSize: 10,
          MaximumBatchingWindowInSeconds: 1,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          Enabled: true,
        },
      });
    });

    it('maps nothing without a queue', () => {
      expect(localStackLambdaPlan(config, { zip }).requests).toHaveLength(1);
    });

    it('signs nothing but names the region in the credential scope', () => {
      const { url, init } = lambdaHttpRequest(plan.getFunction, {
        endpoint: 'http://127.0.0.1:4566',
        region: 'eu-west-1',
      });
      expect(url).toBe('http://127.0.0.1:4566/2015-03-31/functions/notifications');
      expect((init.headers as Record<string, string>).authorization).toContain(
        '/eu-west-1/lambda/aws4_request',
      );
    });
  });
});

describe('deployLocalStackLambda', () => {
  const plan = localStackLambdaPlan(config, {
    zip,
    queue: { arn: 'arn:aws:sqs:us-east-1:000000000000:q' },
  });

  it('creates, waits for Active, then maps the queue', async () => {
    const calls: string[] = [];
    const states = ['Pending', 'Active'];
    const fake = ((url: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${new URL(url).pathname}`);
      const body = init?.method === 'GET' ? { Configuration: { State: states.shift() } } : {};
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }) as typeof fetch;
    await deployLocalStackLambda(plan, {
      endpoint: 'http://ls:4566',
      region: 'us-east-1',
      fetch: fake,
    });
    expect(calls).toEqual([
      'POST /2015-03-31/functions',
      'GET /2015-03-31/functions/notifications',
      'GET /2015-03-31/functions/notifications',
      'POST /2015-03-31/event-source-mappings',
    ]);
  });

  it('fails with the call and LocalStack’s answer', async () => {
    const fake = (() =>
      Promise.resolve(
        new Response('{"__type":"ResourceConflictException"}', { status: 409 }),
      )) as unknown as typeof fetch;
    await expect(
      deployLocalStackLambda(plan, {
        endpoint: 'http://ls:4566',
        region: 'us-east-1',
        fetch: fake,
      }),
    ).rejects.toThrow(
      'CreateFunction notifications: HTTP 409 {"__type":"ResourceConflictException"}',
    );
  });

  it('fails when the function ends Failed', async () => {
    const fake = ((_url: string, init?: RequestInit) =>
      Promise.resolve(
        new Response(
          JSON.stringify(init?.method === 'GET' ? { Configuration: { State: 'Failed' } } : {}),
        ),
      )) as typeof fetch;
    await expect(
      deployLocalStackLambda(plan, {
        endpoint: 'http://ls:4566',
        region: 'us-east-1',
        fetch: fake,
      }),
    ).rejects.toThrow('failed to create');
  });
});
