// Lean vs OTel aws-sdk instrumentation on the same AWS calls against LocalStack: the fixture app
// (fixtures/aws-equivalence-app.ts) runs once with OTEL_XRAY_INSTRUMENTATION=lean and once with
// =otel as a real process; the X-Ray segment documents it sends over UDP and the message
// attributes its receiver sees must be the same apart from ids, timings and per-run values.
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startFixture, type Doc } from './support/fixture-run.ts';
import {
  SQSClient,
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import {
  SNSClient,
  CreateTopicCommand,
  DeleteTopicCommand,
  SubscribeCommand,
} from '@aws-sdk/client-sns';

const packageDir = join(import.meta.dirname, '../..');
const app = join(packageDir, 'test/fixtures/aws-equivalence-app.ts');
const ROOT = '1-67e6a3c1-5a4b3c2d1e0f9a8b7c6d5e4f';
const run = randomUUID().slice(0, 8);
const names = {
  QUEUE_NAME: `aws-eq-${run}`,
  TOPIC_NAME: `aws-eq-topic-${run}`,
  ENVELOPE_QUEUE_URL: '',
};

/** Runs the fixture in `mode`: the documents it sent and its `/aws` answer. */
async function runApp(mode: 'lean' | 'otel', port: number): Promise<{ docs: Doc[]; answer: Doc }> {
  const fixture = await startFixture(
    app,
    mode,
    { ...names, OTEL_SERVICE_NAME: 'aws-equivalence', FRONT_PORT: String(port) },
    20_000,
  );
  const res = await fetch(`http://127.0.0.1:${port}/aws`, {
    headers: { 'x-amzn-trace-id': `Root=${ROOT};Parent=53995c3f42cd8a80;Sampled=1` },
  });
  expect(res.status).toBe(200);
  const answer = (await res.json()) as Doc;
  await fixture.stop(500);
  return { docs: fixture.docs, answer };
}

// Values that differ between two runs of the same calls: ids, timings, ports, request ids.
const DROPPED = new Set([
  'id',
  'parent_id',
  'start_time',
  'end_time',
  'stack',
  'working_directory',
  'pid',
  'network.peer.port',
]);
const PER_RUN = new Set([
  'aws.request.id',
  'request_id',
  'messaging.message.id',
  'faas.execution',
  'MessageId',
  'ReceiptHandle',
]);

/** A document (or answer) without what differs between two runs of the same traffic. */
function normalize(value: unknown, key = ''): unknown {
  if (typeof value === 'string')
    return value
      .replace(/Parent=[0-9a-f]{16}/g, 'Parent=<span>')
      .replace(/(00-[0-9a-f]{32}-)[0-9a-f]{16}/g, '$1<span>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>');
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    // Messages (and so links) come back in any order.
    return ['subsegments', 'exceptions', 'links', 'received'].includes(key)
      ? items.sort(byJson)
      : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Doc = {};
  for (const [k, v] of Object.entries(value as Doc).sort(([a], [b]) => a.localeCompare(b))) {
    if (DROPPED.has(k)) continue;
    out[k] = PER_RUN.has(k) ? '<per-run>' : normalize(v, k);
  }
  return out;
}

/** Every document and nested subsegment, flat. */
function allDocs(docs: Doc[]): Doc[] {
  return docs.flatMap((doc) => [doc, ...allDocs((doc.subsegments as Doc[] | undefined) ?? [])]);
}

/**
 * Checks that each received message's trace context names the SDK span that sent it: its
 * `AWSTraceHeader` Parent (from the X-Amzn-Trace-Id request header) is the id of a SendMessage,
 * SendMessageBatch or Publish subsegment, and its `traceparent` attribute names the same span.
 */
function expectSenderSpans(run: { docs: Doc[]; answer: Doc }): void {
  const senders = new Set(
    allDocs(run.docs)
      .filter((doc) =>
        ['SendMessage', 'SendMessageBatch', 'Publish'].includes(
          String((doc.aws as Doc | undefined)?.operation),
        ),
      )
      .map((doc) => doc.id),
  );
  for (const message of run.answer.received as Doc[]) {
    const parent = /Parent=([0-9a-f]{16})/.exec(String(message.awsTraceHeader))?.[1];
    expect(senders).toContain(parent);
    const attributes = (message.messageAttributes ?? message.envelopeAttributes) as Record<
      string,
      { StringValue?: string; Value?: string }
    > | null;
    const traceparent = attributes?.traceparent;
    if (traceparent !== undefined)
      expect((traceparent.StringValue ?? traceparent.Value)?.split('-')[2]).toBe(parent);
  }
}

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

describe('lean aws-sdk instrumentation', () => {
  const sqs = new SQSClient({});
  const sns = new SNSClient({});
  let topicArn = '';

  beforeAll(async () => {
    const { QueueUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: `aws-eq-envelope-${run}` }),
    );
    names.ENVELOPE_QUEUE_URL = QueueUrl;
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    topicArn = (await sns.send(new CreateTopicCommand({ Name: names.TOPIC_NAME }))).TopicArn ?? '';
    await sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: Attributes?.QueueArn }),
    );
  });

  afterAll(async () => {
    await sns.send(new DeleteTopicCommand({ TopicArn: topicArn })).catch(() => undefined);
    for (const url of [names.ENVELOPE_QUEUE_URL])
      await sqs.send(new DeleteQueueCommand({ QueueUrl: url })).catch(() => undefined);
  });

  describe('equivalence with @opentelemetry/instrumentation-aws-sdk', () => {
    it(
      'gives the same segment documents and message attributes',
      { timeout: 120_000 },
      async () => {
        const port = await freePort();
        const lean = await runApp('lean', port);
        const otel = await runApp('otel', port);
        if (process.env.DUMP_DOCS) {
          console.log(JSON.stringify(normalize(lean.docs), null, 1));
          console.log(JSON.stringify(normalize(lean.answer), null, 1));
        }
        // The receiver got all five messages, and the SDK calls that should fail did.
        expect((lean.answer.received as unknown[]).length).toBe(5);
        expect(lean.answer.errors).toEqual(otel.answer.errors);
        expect((lean.answer.errors as string[]).includes('succeeded')).toBe(false);
        expect(normalize(lean.answer)).toEqual(normalize(otel.answer));
        expectSenderSpans(lean);
        expectSenderSpans(otel);
        const leanDocs = lean.docs.map((d) => normalize(d)).sort(byJson);
        const otelDocs = otel.docs.map((d) => normalize(d)).sort(byJson);
        expect(leanDocs.length).toBeGreaterThanOrEqual(3);
        expect(leanDocs).toEqual(otelDocs);
      },
    );
  });
});
