import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTrigger } from '../src/index.ts';
import { httpRequestAttributes, httpStatusOf } from '../src/triggers/http-event.ts';
import { batchAttributes, batchItemFailures, batchLinks } from '../src/triggers/message-links.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));

describe('detectTrigger', () => {
  it.each([
    ['api-gateway-rest', 'api-gateway-rest'],
    ['api-gateway-http', 'api-gateway-http'],
    ['function-url', 'function-url'],
    ['alb', 'alb'],
    ['sqs', 'sqs'],
    ['sns', 'sns'],
  ])('reads the %s event as %s', (name, kind) => {
    expect(detectTrigger(fixture(name))).toBe(kind);
  });

  it.each([
    [{ orderId: 'o-1' }],
    [null],
    ['text'],
    [[1, 2]],
    [{ Records: 'x' }],
    [{ requestContext: 1 }],
  ])('calls anything else a direct invoke: %j', (event) => {
    expect(detectTrigger(event)).toBe('direct');
  });
});

describe('httpRequestAttributes', () => {
  it('reads API Gateway REST (v1)', () => {
    expect(httpRequestAttributes(fixture('api-gateway-rest'), 'api-gateway-rest')).toEqual({
      'http.request.method': 'GET',
      'url.path': '/orders/42',
      'url.query': 'verbose=1',
      'client.address': '203.0.113.7',
      'user_agent.original': 'curl/8.5.0',
      'http.route': '/orders/{id}',
      'url.scheme': 'https',
      'aws.api_gateway.api_id': 'abc123',
    });
  });

  it('reads HTTP API (v2)', () => {
    expect(httpRequestAttributes(fixture('api-gateway-http'), 'api-gateway-http')).toEqual({
      'http.request.method': 'POST',
      'url.path': '/orders',
      'url.query': 'dryRun=true',
      'client.address': '205.255.255.176',
      'user_agent.original': 'curl/8.5.0',
      'http.route': '/orders',
      'url.scheme': 'https',
      'aws.api_gateway.api_id': 'r3pmxmplak',
    });
  });

  it('reads a function URL without a route', () => {
    const attributes = httpRequestAttributes(fixture('function-url'), 'function-url');
    expect(attributes).toMatchObject({ 'http.request.method': 'GET', 'url.path': '/my/path' });
    expect(attributes['http.route']).toBeUndefined();
  });

  it('reads ALB, the client from X-Forwarded-For', () => {
    expect(httpRequestAttributes(fixture('alb'), 'alb')).toEqual({
      'http.request.method': 'GET',
      'url.path': '/lambda',
      'url.query': 'query=1234ABCD',
      'client.address': '72.12.164.125',
      'user_agent.original': 'Mozilla/5.0',
      'url.scheme': 'http',
    });
  });

  it('leaves out what a malformed event lacks', () => {
    expect(httpRequestAttributes({ requestContext: { http: 5 } }, 'api-gateway-http')).toEqual({
      'url.scheme': 'https',
    });
  });
});

describe('httpStatusOf', () => {
  it('reads statusCode, as a number or a string', () => {
    expect(httpStatusOf({ statusCode: 404 }, 'api-gateway-rest')).toBe(404);
    expect(httpStatusOf({ statusCode: '503' }, 'alb')).toBe(503);
  });

  it('infers 200 where HTTP API and function URLs do, and nothing elsewhere', () => {
    expect(httpStatusOf('plain text', 'api-gateway-http')).toBe(200);
    expect(httpStatusOf({ ok: true }, 'function-url')).toBe(200);
    expect(httpStatusOf(undefined, 'api-gateway-rest')).toBeUndefined();
  });
});

describe('batchLinks', () => {
  it('links each SQS record that carries AWSTraceHeader, with its message id', () => {
    expect(batchLinks(fixture('sqs'), 'sqs')).toEqual([
      {
        context: expect.objectContaining({
          traceId: '6b15d809000000000000000000000001',
          spanId: '1000000000000001',
        }) as unknown,
        attributes: { 'messaging.message.id': '059f36b4-87a3-44ab-83d2-661975830a7d' },
      },
      {
        context: expect.objectContaining({
          traceId: '6b15d809000000000000000000000002',
          spanId: '2000000000000002',
        }) as unknown,
        attributes: { 'messaging.message.id': '2e1424d4-f796-459a-8184-9c92662be6da' },
      },
    ]);
  });

  it("skips the record whose context is the invocation's own parent", () => {
    const parent = {
      traceId: '6b15d809000000000000000000000001',
      spanId: '1000000000000001',
      traceFlags: 1,
    };
    expect(batchLinks(fixture('sqs'), 'sqs', parent)).toHaveLength(1);
  });

  it('links SNS records from their X-Amzn-Trace-Id message attribute', () => {
    const [link] = batchLinks(fixture('sns'), 'sns');
    expect(link!.context.spanId).toBe('3000000000000003');
    expect(link!.attributes).toEqual({
      'messaging.message.id': '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
    });
  });

  it('ignores malformed records and headers', () => {
    const event = {
      Records: [null, 7, { attributes: { AWSTraceHeader: 'Root=bad' } }, { attributes: 'x' }],
    };
    expect(batchLinks(event, 'sqs')).toEqual([]);
  });
});

describe('batchAttributes', () => {
  it('names the queue and counts the batch', () => {
    expect(batchAttributes(fixture('sqs'), 'sqs')).toEqual({
      'messaging.system': 'aws_sqs',
      'messaging.operation.type': 'process',
      'messaging.batch.message_count': 3,
      'messaging.destination.name': 'shipping',
      'aws.sqs.queue.arn': 'arn:aws:sqs:us-east-1:123456789012:shipping',
    });
  });

  it('names the topic of an SNS event', () => {
    expect(batchAttributes(fixture('sns'), 'sns')).toMatchObject({
      'messaging.system': 'aws_sns',
      'messaging.destination.name': 'orders',
      'aws.sns.topic.arn': 'arn:aws:sns:us-east-1:123456789012:orders',
    });
  });
});

describe('batchItemFailures', () => {
  it('reads the item identifiers of a partial batch response', () => {
    expect(batchItemFailures({ batchItemFailures: [{ itemIdentifier: 'a' }, { x: 1 }] })).toEqual([
      'a',
    ]);
    expect(batchItemFailures({ batchItemFailures: [] })).toEqual([]);
    expect(batchItemFailures('ok')).toBeUndefined();
  });
});
