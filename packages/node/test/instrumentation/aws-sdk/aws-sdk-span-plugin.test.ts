// The lean aws-sdk span middleware on real SDK clients whose request handler answers in-process:
// the span it makes, the X-Amzn-Trace-Id header naming that span, errors, suppressed tracing, and
// that a failure inside the instrumentation never reaches the application.
import { context, propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { suppressTracing, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { xrayTraceHeaderPlugin } from '@otel-xray/propagation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsSdkSpanPlugin } from '../../../src/instrumentation/aws-sdk/aws-sdk-span-plugin.ts';

const memory = new InMemorySpanExporter();
const provider = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
});
const tracer = provider.getTracer('test');
const QUEUE_URL = 'http://127.0.0.1:1/000000000000/orders';

type SqsPlugin = Parameters<SQSClient['middlewareStack']['use']>[0];

/** What the fake SQS answers, and the requests it saw. */
let answer: { status: number; body: object };
const requests: HttpRequest[] = [];

function client(region: unknown = 'eu-west-1'): SQSClient {
  const sqs = new SQSClient({
    region: region as string,
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    md5: false,
    requestHandler: {
      handle: (request: HttpRequest) => {
        requests.push(request);
        return Promise.resolve({
          response: new HttpResponse({
            statusCode: answer.status,
            headers: {
              'content-type': 'application/x-amz-json-1.0',
              'x-amzn-requestid': 'req-1',
            },
            body: Buffer.from(JSON.stringify(answer.body)),
          }),
        });
      },
    },
  });
  // The plugins are written for any client (object in, object out).
  sqs.middlewareStack.use(awsSdkSpanPlugin(tracer, sqs) as unknown as SqsPlugin);
  sqs.middlewareStack.use(xrayTraceHeaderPlugin());
  return sqs;
}

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  context.disable();
  propagation.disable();
});
beforeEach(() => {
  memory.reset();
  requests.length = 0;
  answer = { status: 200, body: { MessageId: 'm-1' } };
});

describe('awsSdkSpanPlugin', () => {
  describe('a successful SendMessage', () => {
    it('makes one PRODUCER span with the common and SQS attributes', async () => {
      await client().send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' }));
      const [span] = memory.getFinishedSpans();
      expect(memory.getFinishedSpans()).toHaveLength(1);
      expect(span?.name).toBe('orders send');
      expect(span?.kind).toBe(SpanKind.PRODUCER);
      expect(span?.attributes).toEqual({
        'rpc.system': 'aws-api',
        'rpc.method': 'SendMessage',
        'rpc.service': 'SQS',
        'messaging.system': 'aws_sqs',
        'messaging.destination.name': 'orders',
        'url.full': QUEUE_URL,
        'cloud.region': 'eu-west-1',
        'aws.request.id': 'req-1',
        'http.response.status_code': 200,
        'messaging.message.id': 'm-1',
      });
    });
    it('is the active span while the X-Amzn-Trace-Id middleware runs, and injects its context', async () => {
      const input = { QueueUrl: QUEUE_URL, MessageBody: 'x' };
      await tracer.startActiveSpan('parent', async (parent) => {
        await client().send(new SendMessageCommand(input));
        parent.end();
      });
      const sdk = memory.getFinishedSpans().find((s) => s.name === 'orders send');
      const spanId = sdk?.spanContext().spanId;
      expect(sdk?.parentSpanContext?.spanId).toBe(
        memory
          .getFinishedSpans()
          .find((s) => s.name === 'parent')
          ?.spanContext().spanId,
      );
      expect(requests[0]?.headers['X-Amzn-Trace-Id']).toContain(`Parent=${String(spanId)}`);
      // The application's own input object gains the attribute, as with the OTel instrumentation.
      expect(input).toHaveProperty('MessageAttributes.traceparent.StringValue');
      expect(
        (input as { MessageAttributes?: Record<string, { StringValue: string }> }).MessageAttributes
          ?.traceparent?.StringValue,
      ).toContain(String(spanId));
    });
    it('starts a root span when there is no active span', async () => {
      await client().send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' }));
      expect(memory.getFinishedSpans()[0]?.parentSpanContext).toBeUndefined();
    });
  });
  describe('a failing call', () => {
    it('records the error on the span and rethrows it unchanged', async () => {
      answer = {
        status: 400,
        body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'no such queue' },
      };
      const error = await client()
        .send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' }))
        .catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe('no such queue');
      const [span] = memory.getFinishedSpans();
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no such queue' });
      expect(span?.attributes['http.response.status_code']).toBe(400);
      expect(span?.events.map((e) => e.name)).toEqual(['exception']);
      expect(span?.attributes).not.toHaveProperty('error.type');
    });
  });
  describe('suppressed tracing', () => {
    it('records nothing and leaves the request without a trace header', async () => {
      await context.with(suppressTracing(context.active()), () =>
        client().send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' })),
      );
      expect(memory.getFinishedSpans()).toHaveLength(0);
      expect(requests[0]?.headers['X-Amzn-Trace-Id']).toBeUndefined();
    });
  });
  describe('a region provider that fails', () => {
    it('still traces the call, without cloud.region', async () => {
      const sqs = client(() => Promise.reject(new Error('no region')));
      await sqs
        .send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x' }))
        .catch(() => undefined);
      const span = memory.getFinishedSpans()[0];
      expect(span?.name).toBe('orders send');
      expect(span?.attributes).not.toHaveProperty('cloud.region');
    });
  });
  describe('an input the extensions cannot read', () => {
    it('never throws into the application', async () => {
      // Frozen attributes: writing the trace fields into them fails, the call goes on.
      const input = { QueueUrl: QUEUE_URL, MessageBody: 'x', MessageAttributes: Object.freeze({}) };
      await expect(client().send(new SendMessageCommand(input))).resolves.toHaveProperty(
        'MessageId',
        'm-1',
      );
      expect(memory.getFinishedSpans()).toHaveLength(1);
    });
  });
});
