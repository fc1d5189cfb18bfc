import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { XRayClient, BatchGetTracesCommand } from '@aws-sdk/client-xray';
import { newTraceId } from '@otel-xray/core';
import { startLocalXRay } from '@otel-xray/local';
import type { LocalXRay } from '@otel-xray/local';
import { startLocalFunction } from '../../src/index.ts';
import type { LocalFunction, LocalFunctionConfig } from '../../src/index.ts';

const taskRoot = join(import.meta.dirname, 'functions');
const caller = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

let xray: LocalXRay;
let started: LocalFunction[] = [];
beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
});
afterAll(() => xray.stop());
afterEach(async () => {
  await Promise.all(started.map((f) => f.stop()));
  started = [];
});

function run(config: Partial<LocalFunctionConfig> = {}, freeze?: boolean): LocalFunction {
  const fn = startLocalFunction(
    { name: 'echo', handler: 'echo.handler', taskRoot, daemonAddress: xray.udpAddress, ...config },
    freeze === undefined ? {} : { freeze },
  );
  started.push(fn);
  return fn;
}

async function documents(traceId: string, count: number): Promise<Array<Record<string, unknown>>> {
  const client = new XRayClient({
    endpoint: xray.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  for (let i = 0; i < 50; i++) {
    const out = await client.send(new BatchGetTracesCommand({ TraceIds: [traceId] }));
    const segments = out.Traces?.[0]?.Segments ?? [];
    if (segments.length >= count)
      return segments.map((s) => JSON.parse(s.Document ?? '{}') as Record<string, unknown>);
    await sleep(100);
  }
  throw new Error(`trace ${traceId} did not get ${count} segments`);
}

describe('startLocalFunction', () => {
  describe('invoke', () => {
    it('runs the handler under aws-lambda-ric with Lambda environment and context', async () => {
      const fn = run({
        environment: { CUSTOM: 'yes', AWS_LAMBDA_FUNCTION_NAME: 'ignored' },
        memoryMb: 256,
      });
      const result = await fn.invoke({ hello: 'world' }, { traceHeader: caller });
      expect(result.functionError).toBeUndefined();
      expect(result.coldStart).toBe(true);
      expect(result.initDurationMs).toBeGreaterThan(0);
      expect(result.payload).toMatchObject({
        event: { hello: 'world' },
        requestId: result.requestId,
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
        env: {
          name: 'echo',
          handler: 'echo.handler',
          taskRoot,
          version: '$LATEST',
          memory: '256',
          logGroup: '/aws/lambda/echo',
          daemon: xray.udpAddress,
          contextMissing: 'LOG_ERROR',
          custom: 'yes',
        },
      });
      const header = (result.payload as { traceHeader: string }).traceHeader;
      expect(header).toMatch(
        /^Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16};Sampled=1$/,
      );
    });

    it('reuses the environment: one process, warm invocations, one at a time', async () => {
      const fn = run();
      const results = await Promise.all([
        fn.invoke({ n: 1 }),
        fn.invoke({ n: 2 }),
        fn.invoke({ n: 3 }),
      ]);
      expect(results.map((r) => r.coldStart)).toEqual([true, false, false]);
      const pids = new Set(results.map((r) => (r.payload as { pid: number }).pid));
      expect(pids.size).toBe(1);
      expect(results.map((r) => (r.payload as { event: { n: number } }).event.n)).toEqual([
        1, 2, 3,
      ]);
    });

    it('returns a thrown error as Unhandled and keeps the environment', async () => {
      const fn = run();
      const failed = await fn.invoke({ fail: 'bad input' });
      expect(failed).toMatchObject({
        functionError: 'Unhandled',
        errorType: 'TypeError',
        errorMessage: 'asked to fail: bad input',
      });
      expect((await fn.invoke({})).coldStart).toBe(false);
    });

    it('enforces the timeout: kills the environment and reports Task timed out', async () => {
      const fn = run({ timeoutSeconds: 0.5 });
      const first = await fn.invoke({});
      const late = await fn.invoke({ sleepMs: 5_000 });
      expect(late).toMatchObject({ functionError: 'Unhandled', errorType: 'Sandbox.Timedout' });
      expect(late.errorMessage).toBe(
        `RequestId: ${late.requestId} Error: Task timed out after 0.50 seconds`,
      );
      const next = await fn.invoke({});
      expect(next.coldStart).toBe(true);
      expect((next.payload as { pid: number }).pid).not.toBe(
        (first.payload as { pid: number }).pid,
      );
    });

    it('reports a process that exits as Runtime.ExitError and starts a new one', async () => {
      const fn = run();
      const crashed = await fn.invoke({ exit: 3 });
      expect(crashed).toMatchObject({ functionError: 'Unhandled', errorType: 'Runtime.ExitError' });
      expect(crashed.errorMessage).toContain('Runtime exited with error: exit status 3');
      expect((await fn.invoke({})).coldStart).toBe(true);
    });

    it('reports init errors: a module that throws and a missing handler file', async () => {
      const broken = await run({ name: 'broken', handler: 'broken-init.handler' }).invoke({});
      expect(broken).toMatchObject({
        functionError: 'Unhandled',
        errorMessage: 'cannot start: missing configuration',
      });
      const missing = await run({ name: 'missing', handler: 'nope.handler' }).invoke({});
      expect(missing).toMatchObject({
        functionError: 'Unhandled',
        errorType: 'Runtime.ImportModuleError',
      });
      const notExported = await run({ name: 'wrong', handler: 'echo.nothing' }).invoke({});
      expect(notExported).toMatchObject({
        functionError: 'Unhandled',
        errorType: 'Runtime.HandlerNotFound',
      });
    });

    it('freezes the process between invocations, as Lambda does', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lambda-freeze-'));
      try {
        const marker = join(dir, 'late.txt');
        const fn = run({ name: 'late', handler: 'after-response.handler' });
        await fn.invoke({ marker });
        await sleep(400);
        expect(existsSync(marker)).toBe(false);
        await fn.invoke({ marker });
        await sleep(400);
        expect(readFileSync(marker, 'utf8')).toContain('late');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lets work after the response run when freezing is off', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lambda-freeze-'));
      try {
        const marker = join(dir, 'late.txt');
        const fn = run({ name: 'late', handler: 'after-response.handler' }, false);
        await fn.invoke({ marker });
        await sleep(400);
        expect(readFileSync(marker, 'utf8')).toBe('late 1\n');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('with Active tracing', () => {
    it('sends the AWS::Lambda and AWS::Lambda::Function segments, the function header parented on the latter', async () => {
      const fn = run({ name: 'traced' });
      const header0 = `Root=${newTraceId()};Parent=53995c3f42cd8ad8;Sampled=1`;
      const result = await fn.invoke({}, { traceHeader: header0 });
      await fn.flush();
      const docs = await documents(result.traceId, 2);
      const service = docs.find((d) => d.origin === 'AWS::Lambda');
      const fnSegment = docs.find((d) => d.origin === 'AWS::Lambda::Function');
      expect(service).toMatchObject({
        name: 'traced',
        parent_id: '53995c3f42cd8ad8',
        aws: { request_id: result.requestId },
      });
      expect(fnSegment).toMatchObject({ name: 'traced', parent_id: service?.id });
      const names = (fnSegment?.subsegments as Array<{ name: string }>).map((s) => s.name);
      expect(names).toEqual(['Initialization', 'Invocation', 'Overhead']);
      const header = (result.payload as { traceHeader: string }).traceHeader;
      expect(header).toContain(`Parent=${String(fnSegment?.id)}`);
    });

    it('records the error cause of a failed invocation', async () => {
      const fn = run({ name: 'failing' });
      await fn.invoke({});
      const result = await fn.invoke({ fail: 'x' });
      await fn.flush();
      const docs = await documents(result.traceId, 2);
      const fnSegment = docs.find((d) => d.origin === 'AWS::Lambda::Function');
      expect(fnSegment?.fault).toBe(true);
      const names = (fnSegment?.subsegments as Array<{ name: string }>).map((s) => s.name);
      expect(names).toEqual(['Invocation', 'Overhead']);
    });

    it('records nothing for Sampled=0 and passes the decision to the function', async () => {
      const fn = run({ name: 'unsampled' });
      const result = await fn.invoke({}, { traceHeader: caller.replace('Sampled=1', 'Sampled=0') });
      await fn.flush();
      expect((result.payload as { traceHeader: string }).traceHeader).toBe(
        caller.replace('Sampled=1', 'Sampled=0'),
      );
    });
  });
});
