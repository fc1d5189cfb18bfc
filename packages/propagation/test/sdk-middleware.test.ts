import { afterAll, describe, expect, it } from 'vitest';
import { context, trace, type Span } from '@opentelemetry/api';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { XRayPropagator, extractTraceHeader, xrayTraceHeaderPlugin } from '@otel-xray/propagation';
import { registerProvider } from './support/register-provider.ts';

// Real SDK clients whose HTTP handler records the outgoing request instead of sending it.
type Recorded = { headers: Record<string, string> };
const sent: Recorded[] = [];
const requestHandler = {
  handle: (request: Recorded) => {
    sent.push(request);
    return Promise.reject(new Error('recorded, not sent'));
  },
};
const config = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
  requestHandler,
};
const QueueUrl = 'http://127.0.0.1:9/000000000000/q';
const TopicArn = 'arn:aws:sns:us-east-1:000000000000:t';

const provider = registerProvider(new XRayPropagator());
const tracer = provider.getTracer('test');
afterAll(() => provider.shutdown());

async function headerOf(send: () => Promise<unknown>): Promise<string | undefined> {
  sent.length = 0;
  await expect(send()).rejects.toThrow('recorded, not sent');
  const headers = sent[0]?.headers ?? {};
  const names = Object.keys(headers).filter((k) => k.toLowerCase() === 'x-amzn-trace-id');
  expect(names.length).toBeLessThanOrEqual(1);
  return names[0] === undefined ? undefined : headers[names[0]];
}

function withSpan<T>(fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan('work', async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });
}

function expected(span: Span, tail = ''): string {
  const { traceId, spanId } = span.spanContext();
  return `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)};Parent=${spanId};Sampled=1${tail}`;
}

describe('xrayTraceHeaderPlugin', () => {
  describe('SQS SendMessage', () => {
    it('sets X-Amzn-Trace-Id from the active span', async () => {
      const sqs = new SQSClient(config);
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      await withSpan(async (span) => {
        const header = await headerOf(() =>
          sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hi' })),
        );
        expect(header).toBe(expected(span));
      });
    });
    it('sets nothing without an active span', async () => {
      const sqs = new SQSClient(config);
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      expect(
        await headerOf(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hi' }))),
      ).toBeUndefined();
    });
  });

  describe('SNS Publish', () => {
    it('sets X-Amzn-Trace-Id from the active span', async () => {
      const sns = new SNSClient(config);
      sns.middlewareStack.use(xrayTraceHeaderPlugin());
      await withSpan(async (span) => {
        expect(
          await headerOf(() => sns.send(new PublishCommand({ TopicArn, Message: 'hi' }))),
        ).toBe(expected(span));
      });
    });
    it('re-emits Lineage and unknown fields extracted upstream', async () => {
      const sns = new SNSClient(config);
      sns.middlewareStack.use(xrayTraceHeaderPlugin());
      const upstream = extractTraceHeader(
        context.active(),
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1;Team=a',
      );
      await context.with(upstream, () =>
        withSpan(async (span) => {
          expect(
            await headerOf(() => sns.send(new PublishCommand({ TopicArn, Message: 'hi' }))),
          ).toBe(expected(span, ';Lineage=a87bd80c:1;Team=a'));
        }),
      );
    });
  });

  describe('an existing header', () => {
    it('keeps its Lineage and unknown fields and replaces Root, Parent, Sampled', async () => {
      const sqs = new SQSClient(config);
      sqs.middlewareStack.add(
        (next) => (args) => {
          (args.request as Recorded).headers['x-amzn-trace-id'] =
            'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Parent=0a1b2c3d4e5f6071;Sampled=0;Lineage=1:fcb2f2e4:0;CalledFrom=app';
          return next(args);
        },
        { step: 'build', priority: 'high', name: 'earlierHeader' },
      );
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      await withSpan(async (span) => {
        expect(
          await headerOf(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))),
        ).toBe(expected(span, ';Lineage=1:fcb2f2e4:0;CalledFrom=app'));
      });
    });
    it('is left alone without an active span', async () => {
      const sqs = new SQSClient(config);
      const existing = 'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Lineage=1:fcb2f2e4:0';
      sqs.middlewareStack.add(
        (next) => (args) => {
          (args.request as Recorded).headers['X-Amzn-Trace-Id'] = existing;
          return next(args);
        },
        { step: 'build', priority: 'high', name: 'earlierHeader' },
      );
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      expect(
        await headerOf(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))),
      ).toBe(existing);
    });
  });

  describe('in Lambda', () => {
    it('keeps the Lineage the SDK copies from _X_AMZN_TRACE_ID', async () => {
      const saved = { ...process.env };
      process.env.AWS_LAMBDA_FUNCTION_NAME = 'fn';
      process.env._X_AMZN_TRACE_ID =
        'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Parent=0a1b2c3d4e5f6071;Sampled=1;Lineage=1:fcb2f2e4:0';
      try {
        const sqs = new SQSClient(config);
        sqs.middlewareStack.use(xrayTraceHeaderPlugin());
        await withSpan(async (span) => {
          expect(
            await headerOf(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))),
          ).toBe(expected(span, ';Lineage=1:fcb2f2e4:0'));
        });
      } finally {
        process.env = saved;
      }
    });
  });

  describe('the stack', () => {
    it('holds the middleware once when the plugin is used twice', () => {
      const sqs = new SQSClient(config);
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      const names = sqs.middlewareStack.identify().filter((n) => n.includes('otelXRayTraceHeader'));
      expect(names).toHaveLength(1);
    });
  });

  describe('garbage', () => {
    it('passes a request without headers through', async () => {
      const sqs = new SQSClient(config);
      sqs.middlewareStack.add((next) => (args) => next({ ...args, request: { notHttp: true } }), {
        step: 'build',
        priority: 'high',
        name: 'breaksRequest',
      });
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      const active = trace.wrapSpanContext({
        traceId: '5759e988bd862e3fe1be46a994272793',
        spanId: '53995c3f42cd8ad8',
        traceFlags: 1,
      });
      await context.with(trace.setSpan(context.active(), active), async () => {
        await expect(
          sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })),
        ).rejects.toThrow();
      });
    });
  });
});
