import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { once } from 'node:events';
import {
  SQSClient,
  CreateQueueCommand,
  ReceiveMessageCommand,
  GetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { SNSClient, CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import type { SegmentDocument, SubsegmentDocument } from '@otel-xray/core';

const packageDir = join(import.meta.dirname, '..');

interface Received {
  docs: SegmentDocument[];
}

function listenUdp(): Promise<{ socket: Socket; port: number; received: Received }> {
  const socket = createSocket('udp4');
  const received: Received = { docs: [] };
  socket.on('message', (msg) => {
    const text = msg.toString('utf8');
    const nl = text.indexOf('\n');
    expect(JSON.parse(text.slice(0, nl))).toEqual({ format: 'json', version: 1 });
    received.docs.push(JSON.parse(text.slice(nl + 1)) as SegmentDocument);
  });
  return new Promise((resolve) =>
    socket.bind(0, '127.0.0.1', () => resolve({ socket, port: socket.address().port, received })),
  );
}

async function waitFor<T>(fn: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function allSubsegments(doc: { subsegments?: SubsegmentDocument[] }): SubsegmentDocument[] {
  return (doc.subsegments ?? []).flatMap((s) => [s, ...allSubsegments(s)]);
}

describe('startTracing', () => {
  describe('a real service process started with --import @otel-xray/node/register', () => {
    let app: ChildProcess;
    let udp: Awaited<ReturnType<typeof listenUdp>>;
    let port = 0;
    let queueUrl = '';
    let topicArn = '';
    let subscribedQueueUrl = '';
    const sqs = new SQSClient({});

    beforeAll(async () => {
      const sns = new SNSClient({});
      const suffix = Date.now().toString(36);
      queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `node-${suffix}` })))
        .QueueUrl!;
      subscribedQueueUrl = (
        await sqs.send(new CreateQueueCommand({ QueueName: `node-sub-${suffix}` }))
      ).QueueUrl!;
      const subArn = (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: subscribedQueueUrl,
            AttributeNames: ['QueueArn'],
          }),
        )
      ).Attributes!.QueueArn!;
      topicArn = (await sns.send(new CreateTopicCommand({ Name: `node-${suffix}` }))).TopicArn!;
      await sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'sqs',
          Endpoint: subArn,
          Attributes: { RawMessageDelivery: 'true' },
        }),
      );
      udp = await listenUdp();
      app = spawn(
        process.execPath,
        [
          '--conditions=otel-xray-source',
          '--import',
          '@otel-xray/node/register',
          join(packageDir, 'test/fixtures/traced-app.ts'),
        ],
        {
          cwd: packageDir,
          env: {
            ...process.env,
            OTEL_SERVICE_NAME: 'node-test-app',
            OTEL_TRACES_SAMPLER: 'parentbased_always_on',
            AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udp.port}`,
            TOPIC_ARN: topicArn,
            QUEUE_URL: queueUrl,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      app.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      port = await waitFor(() => {
        const m = /PORT=(\d+)/.exec(out);
        return m ? Number(m[1]) : undefined;
      });
    });

    afterAll(async () => {
      if (app && app.exitCode === null) {
        app.kill('SIGTERM');
        await once(app, 'exit');
      }
      udp?.socket.close();
    });

    it('sends one trace: HTTP server segment with SNS and SQS subsegments, and the header reaches SQS', async () => {
      const incoming = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
      const res = await fetch(`http://127.0.0.1:${port}/work`, {
        method: 'POST',
        headers: { 'X-Amzn-Trace-Id': incoming },
      });
      expect(res.status).toBe(200);
      const segment = await waitFor(() =>
        udp.received.docs.find(
          (d) => d.trace_id === '1-5759e988-bd862e3fe1be46a994272793' && d.type === undefined,
        ),
      );
      expect(segment).toMatchObject({
        name: 'node-test-app',
        parent_id: '53995c3f42cd8ad8',
        http: { request: { method: 'POST' }, response: { status: 200 } },
      });
      const docs = udp.received.docs.filter((d) => d.trace_id === segment.trace_id);
      const subs = [
        ...docs.flatMap((d) => (d.type === 'subsegment' ? [d as SubsegmentDocument] : [])),
        ...docs.flatMap(allSubsegments),
      ];
      const publish = subs.find((s) => s.aws?.operation === 'Publish');
      const send = subs.find((s) => s.aws?.operation === 'SendMessage');
      expect(publish).toMatchObject({ namespace: 'aws', parent_id: segment.id });
      expect(send).toMatchObject({
        namespace: 'aws',
        parent_id: segment.id,
        aws: { queue_url: queueUrl },
      });
      // no HTTP client subsegment for the SDK's own requests: each SDK call is one aws subsegment
      expect(subs.filter((s) => s.namespace === 'remote')).toEqual([]);
      expect(subs).toHaveLength(2);

      const got = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MessageSystemAttributeNames: ['AWSTraceHeader'],
          WaitTimeSeconds: 2,
        }),
      );
      expect(got.Messages?.[0]?.Attributes?.AWSTraceHeader).toBe(
        `Root=${segment.trace_id};Parent=${send!.id};Sampled=1`,
      );
      let header: string | undefined;
      for (let i = 0; i < 20 && !header; i++) {
        const r = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: subscribedQueueUrl,
            MessageSystemAttributeNames: ['AWSTraceHeader'],
            WaitTimeSeconds: 1,
          }),
        );
        header = r.Messages?.[0]?.Attributes?.AWSTraceHeader;
      }
      expect(header).toBe(`Root=${segment.trace_id};Parent=${publish!.id};Sampled=1`);
    });
  });
});
