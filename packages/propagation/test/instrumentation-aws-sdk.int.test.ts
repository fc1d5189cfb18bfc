// How our carriers combine with @opentelemetry/instrumentation-aws-sdk, on real clients against
// the emulator: one producer span, the message parented to it through every carrier, one link
// per message on the receive span, and the processing span a child of the producer span.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, SpanKind, context, trace, type Tracer } from '@opentelemetry/api';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type TracerProvider,
} from '@opentelemetry/sdk-trace';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import type * as SqsModule from '@aws-sdk/client-sqs';
import {
  XRayPropagator,
  extractSqsMessageContext,
  findSqsMessageTrace,
  xrayAwsSdkHooks,
  xrayTraceHeaderPlugin,
} from '@otel-xray/propagation';
import { registerProvider } from './support/register-provider.ts';

const exporter = new InMemorySpanExporter();
let provider: TracerProvider;
// Enabled before the SDK modules load (they are imported dynamically below), as in a service
// started with --import.
const instrumentation = new AwsInstrumentation({ ...xrayAwsSdkHooks() });
let sqsModule: typeof SqsModule;
let tracer: Tracer;

beforeAll(async () => {
  provider = registerProvider(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new XRayPropagator()],
    }),
    [new SimpleSpanProcessor({ exporter })],
  );
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  sqsModule = await import('@aws-sdk/client-sqs');
  tracer = provider.getTracer('test');
});
afterAll(async () => {
  instrumentation.disable();
  await provider.shutdown();
});

function header(traceId: string, spanId: string): string {
  return `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)};Parent=${spanId};Sampled=1`;
}

describe('with @opentelemetry/instrumentation-aws-sdk', () => {
  describe('send through an instrumented client with the middleware, receive, process', () => {
    it('parents everything to the one producer span, without duplicates', async () => {
      const { SQSClient, CreateQueueCommand, SendMessageCommand, ReceiveMessageCommand } =
        sqsModule;
      const sqs = new SQSClient({});
      sqs.middlewareStack.use(xrayTraceHeaderPlugin());
      const { QueueUrl } = await sqs.send(
        new CreateQueueCommand({ QueueName: `prop-instr-${Date.now().toString(36)}` }),
      );
      exporter.reset();

      await tracer.startActiveSpan('checkout', async (span) => {
        await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'order' }));
        span.end();
      });
      const producers = exporter
        .getFinishedSpans()
        .filter((s) => Number(s.kind) === Number(SpanKind.PRODUCER));
      expect(producers).toHaveLength(1);
      const producer = producers[0]!.spanContext();

      // Receive outside any span, as a poller would.
      const received = await context.with(ROOT_CONTEXT, () =>
        sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 })),
      );
      const message = received.Messages?.[0];
      // The middleware's header became AWSTraceHeader, parented to the producer span, and the
      // instrumentation's own message attribute points at the same span: two carriers, one parent.
      expect(message?.Attributes?.AWSTraceHeader).toBe(header(producer.traceId, producer.spanId));
      expect(message?.MessageAttributes?.['x-amzn-trace-id']?.StringValue).toBe(
        header(producer.traceId, producer.spanId),
      );
      expect(findSqsMessageTrace(message, ROOT_CONTEXT)?.source).toBe('AWSTraceHeader');

      const consumer = exporter
        .getFinishedSpans()
        .find((s) => Number(s.kind) === Number(SpanKind.CONSUMER));
      expect(consumer?.links.map((l) => l.context.spanId)).toEqual([producer.spanId]);

      const parentCtx = extractSqsMessageContext(message, ROOT_CONTEXT);
      tracer.startSpan('order process', { kind: SpanKind.CONSUMER }, parentCtx).end();
      const processed = exporter.getFinishedSpans().find((s) => s.name === 'order process');
      expect(processed?.spanContext().traceId).toBe(producer.traceId);
      expect(processed?.parentSpanContext?.spanId).toBe(producer.spanId);
    });
  });

  describe('a message that carries only AWSTraceHeader (a producer in another language)', () => {
    it('is linked by the receive span through xrayAwsSdkHooks', async () => {
      const { SQSClient, CreateQueueCommand, SendMessageCommand, ReceiveMessageCommand } =
        sqsModule;
      const sqs = new SQSClient({});
      const { QueueUrl } = await sqs.send(
        new CreateQueueCommand({ QueueName: `prop-foreign-${Date.now().toString(36)}` }),
      );
      const traceId = '6745a1b2aaaaaaaa0123456789abcdef';
      const spanId = 'f00dfeedf00dfeed';
      // Sent with the instrumentation disabled: no span, no message attributes.
      instrumentation.disable();
      try {
        const plain = new SQSClient({});
        await plain.send(
          new SendMessageCommand({
            QueueUrl,
            MessageBody: 'foreign',
            MessageSystemAttributes: {
              AWSTraceHeader: { DataType: 'String', StringValue: header(traceId, spanId) },
            },
          }),
        );
      } finally {
        instrumentation.enable();
      }
      exporter.reset();
      const received = await context.with(ROOT_CONTEXT, () =>
        sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 })),
      );
      expect(received.Messages?.[0]?.MessageAttributes).toBeUndefined();
      const consumer = exporter
        .getFinishedSpans()
        .find((s) => Number(s.kind) === Number(SpanKind.CONSUMER));
      expect(consumer?.links.map((l) => `${l.context.traceId}/${l.context.spanId}`)).toEqual([
        `${traceId}/${spanId}`,
      ]);
      const parent = trace.getSpanContext(extractSqsMessageContext(received.Messages?.[0]));
      expect(parent?.spanId).toBe(spanId);
    });
  });
});
