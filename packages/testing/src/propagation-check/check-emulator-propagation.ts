// Probes an emulator (or AWS) for how the X-Ray trace header travels through SQS and SNS.
import { randomBytes } from 'node:crypto';
import { PublishCommand } from '@aws-sdk/client-sns';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { collectMessages, describeError, type Collected } from './collect-messages.ts';
import { probeClients, addTraceHeader, untraced, type ProbeClients } from './probe-clients.ts';
import { probeTraceHeader } from './probe-header.ts';
import {
  evaluateProbes,
  FALLBACK_ATTRIBUTE,
  planProbes,
  probeKey,
  type Probe,
  type ProbeQueue,
} from './probe-plan.ts';
import {
  createProbeResources,
  deleteProbeResources,
  type ProbeResources,
} from './probe-resources.ts';
import {
  buildPropagationReport,
  type PropagationCarrier,
  type PropagationReport,
} from './propagation-report.ts';

/** Options of {@link checkEmulatorPropagation}. */
export interface PropagationCheckOptions {
  /** SQS/SNS endpoint. Default AWS_ENDPOINT_URL; empty: the SDK's own configuration (real AWS). */
  endpoint?: string;
  /** Region. Default AWS_REGION or us-east-1. */
  region?: string;
  /** How long to wait for the messages to arrive, ms. Default 5000. */
  timeoutMs?: number;
}

/**
 * Checks, with real SQS and SNS clients against `endpoint`, which carriers keep the X-Ray trace
 * header as the received message's `AWSTraceHeader`: SendMessage with an explicit
 * `MessageSystemAttributes.AWSTraceHeader`, the same on each SendMessageBatch entry, the HTTP
 * `X-Amzn-Trace-Id` header on SendMessage, and SNS Publish with that header into a raw and an
 * envelope SQS subscription. Each probe also carries an `X-Amzn-Trace-Id` message attribute, so the
 * report says whether the consumer's fallback works where the header is lost. The queues and the
 * topic get unique names and are deleted afterwards. Never throws: a probe that cannot run gives a
 * report with `error`.
 *
 * @example
 * const report = await checkEmulatorPropagation({ endpoint: 'http://127.0.0.1:4566' });
 * console.log(report.print()); // which carriers work, and what consumers must fall back to
 */
export async function checkEmulatorPropagation(
  options: PropagationCheckOptions = {},
): Promise<PropagationReport> {
  const started = Date.now();
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL ?? '';
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const timeoutMs = options.timeoutMs ?? 5000;
  const clients = probeClients(endpoint, region);
  const created: ProbeResources = { subscriptionArns: [] };
  const prefix = `otel-xray-probe-${started.toString(36)}-${randomBytes(3).toString('hex')}`;
  const probes = planProbes(prefix, () => probeTraceHeader(randomBytes(20), Date.now() / 1000));
  let outcome: { checks: ReturnType<typeof evaluateProbes>; error?: string };
  try {
    outcome = await untraced(async () => {
      const resources = await createProbeResources(clients, prefix, created);
      const failures = await sendProbes(clients, resources, probes);
      const deadline = Date.now() + timeoutMs;
      const queues: Record<ProbeQueue, string> = {
        sqs: resources.queueUrl,
        raw: resources.rawQueueUrl,
        envelope: resources.envelopeQueueUrl,
      };
      const collected = await Promise.all(
        (Object.keys(queues) as ProbeQueue[]).map(async (queue) => {
          const wanted = probes.filter((p) => p.queue === queue).map((p) => p.key);
          const keyOf = (m: Message) => probeKey(queue, m);
          return [
            queue,
            await collectMessages(clients.sqs, queues[queue], keyOf, wanted, deadline),
          ] as const;
        }),
      );
      const byQueue = new Map<ProbeQueue, Collected>(collected);
      for (const p of probes) {
        const error = byQueue.get(p.queue)?.error;
        if (error !== undefined && !failures.has(p.carrier)) failures.set(p.carrier, error);
      }
      const arrived = (p: Probe) => byQueue.get(p.queue)?.found.get(p.key);
      return { checks: evaluateProbes(probes, arrived, failures, timeoutMs) };
    });
  } catch (error) {
    outcome = {
      checks: [],
      error: `could not create the probe queues/topic: ${describeError(error)}`,
    };
  }
  await untraced(() => deleteProbeResources(clients, created));
  clients.destroy();
  return buildPropagationReport(endpoint, outcome.checks, Date.now() - started, outcome.error);
}

// Sends every probe message; a failed send is recorded against its carrier, the others go on.
async function sendProbes(
  clients: ProbeClients,
  resources: Required<ProbeResources>,
  probes: readonly Probe[],
): Promise<Map<PropagationCarrier, string>> {
  const failures = new Map<PropagationCarrier, string>();
  const attempt = async (
    carriers: PropagationCarrier[],
    what: string,
    send: () => Promise<unknown>,
  ) => {
    try {
      await send();
    } catch (error) {
      for (const c of carriers) failures.set(c, `${what} failed: ${describeError(error)}`);
    }
  };
  const QueueUrl = resources.queueUrl;
  const one = (carrier: PropagationCarrier) => probes.filter((p) => p.carrier === carrier);
  for (const p of one('send-message')) {
    await attempt(['send-message'], 'SendMessage', () =>
      clients.sqs.send(
        new SendMessageCommand({ QueueUrl, MessageBody: p.key, ...traceAttributes(p) }),
      ),
    );
  }
  const entries = one('send-message-batch').map((p, i) => ({
    Id: `e${i}`,
    MessageBody: p.key,
    ...traceAttributes(p),
  }));
  await attempt(['send-message-batch'], 'SendMessageBatch', async () => {
    const out = await clients.sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries }));
    const failed = out.Failed?.[0];
    if (failed)
      throw new Error(`entry ${failed.Id}: ${failed.Code ?? ''} ${failed.Message ?? ''}`.trim());
  });
  for (const p of one('http-header')) {
    const command = new SendMessageCommand({
      QueueUrl,
      MessageBody: p.key,
      MessageAttributes: fallbackAttribute(p),
    });
    addTraceHeader(command, p.header);
    await attempt(['http-header'], 'SendMessage', () => clients.sqs.send(command));
  }
  for (const p of one('sns-raw')) {
    const command = new PublishCommand({
      TopicArn: resources.topicArn,
      Message: p.key,
      MessageAttributes: fallbackAttribute(p),
    });
    addTraceHeader(command, p.header);
    await attempt(['sns-raw', 'sns-envelope'], 'SNS Publish', () => clients.sns.send(command));
  }
  return failures;
}

function traceAttributes(p: Probe) {
  return {
    MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: p.header } },
    MessageAttributes: fallbackAttribute(p),
  };
}

function fallbackAttribute(p: Probe): Record<string, MessageAttributeValue> {
  return { [FALLBACK_ATTRIBUTE]: { DataType: 'String', StringValue: p.fallbackHeader } };
}
