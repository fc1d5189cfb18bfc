// Every event shape through the wrapper, down to the documents the daemon receives.
import { readFileSync } from 'node:fs';
import type { SegmentDocument } from '@otel-xray/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processSqsRecords, withTracing } from '../src/index.ts';
import { startFakeDaemon, type FakeDaemon } from './support/daemon.ts';
import { freshEnvironment, lambdaContext, setLambdaEnv } from './support/lambda-env.ts';

const HEADER = 'Root=1-6b15d809-13f9da93a5995fb0987e59de;Parent=53995c3f42cd8ad8;Sampled=1';
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));

let daemon: FakeDaemon;
beforeEach(async () => {
  daemon = await startFakeDaemon();
  setLambdaEnv(daemon);
  freshEnvironment();
  process.env._X_AMZN_TRACE_ID = HEADER;
});
afterEach(() => daemon.close());

async function invocationDocument(event: unknown, result: unknown): Promise<SegmentDocument> {
  await withTracing(() => result)(event, lambdaContext());
  const docs = await daemon.waitFor(1);
  return docs.find((d) => d.parent_id === '53995c3f42cd8ad8')!;
}

describe('withTracing event shapes', () => {
  it.each([
    ['api-gateway-rest', 'GET', { statusCode: 200 }, 200],
    ['api-gateway-http', 'POST', { statusCode: 201 }, 201],
    ['function-url', 'GET', 'hello', 200],
    ['alb', 'GET', { statusCode: 404 }, 404],
  ])('records %s as an http subsegment', async (name, method, result, status) => {
    const doc = await invocationDocument(fixture(name), result);
    expect(doc.type).toBe('subsegment');
    expect(doc.http).toMatchObject({ request: { method }, response: { status } });
    expect(doc.metadata?.default?.['faas.trigger']).toBe('http');
    expect(doc.error).toBe(status >= 400 && status < 500);
  });

  it('marks a 5xx response as a fault', async () => {
    const doc = await invocationDocument(fixture('api-gateway-http'), { statusCode: 502 });
    expect(doc.fault).toBe(true);
  });

  it('links an SQS batch to its producers and records the failed items', async () => {
    const doc = await invocationDocument(fixture('sqs'), {
      batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }],
    });
    expect(doc.links?.map((l) => [l.trace_id, l.id])).toEqual([
      ['1-6b15d809-000000000000000000000001', '1000000000000001'],
      ['1-6b15d809-000000000000000000000002', '2000000000000002'],
    ]);
    expect(doc.metadata?.default).toMatchObject({
      'faas.trigger': 'pubsub',
      'aws.lambda.batch_item_failures': 1,
      'messaging.batch.failed_message_ids': ['2e1424d4-f796-459a-8184-9c92662be6da'],
    });
  });

  it('records an SNS event with its link', async () => {
    const doc = await invocationDocument(fixture('sns'), undefined);
    expect(doc.links?.map((l) => l.id)).toEqual(['3000000000000003']);
    expect(doc.metadata?.default?.['messaging.destination.name']).toBe('orders');
  });

  it('records a direct invoke with the function attributes only', async () => {
    const doc = await invocationDocument({ orderId: 'o-1' }, { ok: true });
    expect(doc.http).toBeUndefined();
    expect(doc.links).toBeUndefined();
    expect(doc.metadata?.default?.['faas.trigger']).toBe('other');
  });

  it('runs each SQS record in a span linked to its producer, under the invocation', async () => {
    const handler = withTracing((event: { Records: Array<{ body: string }> }) =>
      processSqsRecords(event, (record) => {
        if (record.body.includes('o-2')) throw new Error('no stock for o-2');
      }),
    );
    const result = await handler(
      fixture('sqs') as { Records: Array<{ body: string }> },
      lambdaContext(),
    );
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }],
    });
    const docs = await daemon.waitFor(4);
    const invocation = docs.find((d) => d.parent_id === '53995c3f42cd8ad8')!;
    const records = docs.filter((d) => d.name === 'shipping process');
    expect(records).toHaveLength(3);
    for (const record of records) expect(record.parent_id).toBe(invocation.id);
    expect(records.map((r) => r.links?.[0]?.id)).toEqual([
      '1000000000000001',
      '2000000000000002',
      undefined,
    ]);
    expect(records.map((r) => r.fault)).toEqual([false, true, false]);
  });
});
