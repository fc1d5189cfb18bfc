// The package inside a real Lambda-shaped process: the runtime client from npm (aws-lambda-ric) runs
// the function through @otel-xray/testing's local Runtime API, which writes the AWS::Lambda and
// AWS::Lambda::Function segments as Lambda does with Active tracing; everything reaches a local
// X-Ray on 127.0.0.1 and the assembled trace is read back through the X-Ray API.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchGetTracesCommand, XRayClient } from '@aws-sdk/client-xray';
import { startLocalXRay, type LocalXRay } from '@otel-xray/local';
import {
  startLocalFunction,
  type LocalFunction,
  type LocalFunctionConfig,
} from '@otel-xray/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

type Doc = Record<string, unknown> & { id: string; name: string; parent_id?: string };

const taskRoot = join(import.meta.dirname, 'functions');
const source = ['--conditions=otel-xray-source'];
const caller = (root: string) => `Root=${root};Parent=53995c3f42cd8ad8;Sampled=1`;
let xray: LocalXRay;
let client: XRayClient;
let running: LocalFunction[] = [];

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
  client = new XRayClient({
    endpoint: xray.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(() => xray.stop());
afterEach(async () => {
  await Promise.all(running.map((f) => f.stop()));
  running = [];
});

function start(config: Partial<LocalFunctionConfig>): LocalFunction {
  const fn = startLocalFunction({
    name: 'orders-fn',
    handler: 'traced.handler',
    taskRoot,
    daemonAddress: xray.udpAddress,
    nodeArgs: source,
    ...config,
  });
  running.push(fn);
  return fn;
}

/** Every segment of a trace, with subsegments flattened, once `count` segments arrived. */
async function entities(traceId: string, count: number): Promise<Doc[]> {
  for (let i = 0; i < 100; i++) {
    const out = await client.send(new BatchGetTracesCommand({ TraceIds: [traceId] }));
    const segments = (out.Traces?.[0]?.Segments ?? []).map((s) => JSON.parse(s.Document!) as Doc);
    if (segments.length >= count) {
      const all: Doc[] = [];
      const walk = (doc: Doc, parent?: string): void => {
        all.push(parent === undefined ? doc : { ...doc, parent_id: parent });
        for (const sub of (doc.subsegments as Doc[] | undefined) ?? []) walk(sub, doc.id);
      };
      for (const segment of segments) walk(segment);
      return all;
    }
    await sleep(100);
  }
  throw new Error(`trace ${traceId} did not get ${count} segments`);
}

const root = (n: number) => `1-6b15d809-${n.toString(16).padStart(24, '0')}`;

describe('@otel-xray/lambda under aws-lambda-ric', () => {
  it("hangs the handler's subsegments under AWS::Lambda::Function, cold start on the first only", async () => {
    const fn = start({});
    const first = await fn.invoke({}, { traceHeader: caller(root(1)) });
    const second = await fn.invoke({}, { traceHeader: caller(root(2)) });
    expect([first.functionError, second.functionError]).toEqual([undefined, undefined]);
    await fn.flush();
    for (const [result, cold] of [
      [first, true],
      [second, false],
    ] as const) {
      const docs = await entities(result.traceId, 2);
      const service = docs.find((d) => d.origin === 'AWS::Lambda')!;
      const functionSegment = docs.find((d) => d.origin === 'AWS::Lambda::Function')!;
      const invocation = docs.find((d) => d.name === '## traced.handler')!;
      const child = docs.find((d) => d.name === 'load order')!;
      expect(service.parent_id).toBe('53995c3f42cd8ad8');
      expect(functionSegment.parent_id).toBe(service.id);
      expect(invocation.parent_id).toBe(functionSegment.id);
      expect(child.parent_id).toBe(invocation.id);
      expect(invocation.annotations).toEqual({ ColdStart: cold });
      expect((invocation.metadata as { default: Record<string, unknown> }).default).toMatchObject({
        'cloud.resource_id': fn.arn,
        'faas.coldstart': cold,
        'faas.invocation_id': result.requestId,
      });
    }
  });

  it('reports a thrown error as Lambda does and records it as a fault', async () => {
    const fn = start({});
    const result = await fn.invoke({ fail: true }, { traceHeader: caller(root(3)) });
    expect(result).toMatchObject({ functionError: 'Unhandled', errorMessage: 'order not found' });
    await fn.flush();
    const docs = await entities(result.traceId, 2);
    expect(docs.find((d) => d.name === '## traced.handler')).toMatchObject({ fault: true });
  });

  it('links an SQS batch to its producers', async () => {
    const fn = start({});
    const record = (i: number) => ({
      messageId: `m${i}`,
      body: '{}',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:shipping',
      attributes: {
        AWSTraceHeader: `Root=${root(10 + i)};Parent=${String(i).repeat(16)};Sampled=1`,
      },
    });
    const result = await fn.invoke(
      { Records: [record(1), record(2)] },
      { traceHeader: caller(root(4)) },
    );
    expect(result.payload).toEqual({ batchItemFailures: [] });
    await fn.flush();
    const docs = await entities(result.traceId, 2);
    const invocation = docs.find((d) => d.name === '## traced.handler')!;
    expect((invocation.links as Array<{ id: string }>).map((l) => l.id)).toEqual([
      '1111111111111111',
      '2222222222222222',
    ]);
    expect(docs.filter((d) => d.name === 'shipping process')).toHaveLength(2);
  });

  it('records nothing for Sampled=0', async () => {
    const fn = start({});
    const header = `Root=${root(5)};Parent=53995c3f42cd8ad8;Sampled=0`;
    const result = await fn.invoke({}, { traceHeader: header });
    expect(result.functionError).toBeUndefined();
    await fn.flush();
    // Give stray datagrams the time a recorded trace needs to appear, then look.
    await sleep(500);
    const out = await client.send(new BatchGetTracesCommand({ TraceIds: [result.traceId] }));
    expect(out.Traces ?? []).toEqual([]);
  });

  it('traces an unchanged handler through NODE_OPTIONS=--import @otel-xray/lambda/register', async () => {
    const register = join(import.meta.dirname, '..', 'src', 'register.ts');
    const fn = start({ handler: 'plain.handler', nodeArgs: [...source, '--import', register] });
    const result = await fn.invoke({ n: 1 }, { traceHeader: caller(root(6)) });
    expect(result.payload).toEqual({ statusCode: 200, body: '{"n":1}' });
    await fn.flush();
    const docs = await entities(result.traceId, 2);
    const functionSegment = docs.find((d) => d.origin === 'AWS::Lambda::Function')!;
    expect(docs.find((d) => d.name === '## plain.handler')?.parent_id).toBe(functionSegment.id);
  });
});
