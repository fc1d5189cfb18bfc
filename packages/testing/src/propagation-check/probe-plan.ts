// Which probe messages go where, and how the received ones become checks (pure).
import type { Message } from '@aws-sdk/client-sqs';
import { sameTraceHeader } from './probe-header.ts';
import type {
  FallbackCarrier,
  PropagationCarrier,
  PropagationCheck,
} from './propagation-report.ts';

/** The queue a probe message is read from. */
export type ProbeQueue = 'sqs' | 'raw' | 'envelope';

/** One message the probe sends and expects back. */
export interface Probe {
  carrier: PropagationCarrier;
  queue: ProbeQueue;
  /** The message body (inside the envelope for `envelope`): identifies it on arrival. */
  key: string;
  /** Trace header sent through the carrier under test. */
  header: string;
  /** Trace header sent as the `X-Amzn-Trace-Id` message attribute (the fallback). */
  fallbackHeader: string;
}

/** The name of the fallback message attribute (read by `findSqsMessageTrace`). */
export const FALLBACK_ATTRIBUTE = 'X-Amzn-Trace-Id';

const LABELS: Record<PropagationCarrier, string> = {
  'send-message': 'SendMessage with MessageSystemAttributes.AWSTraceHeader',
  'send-message-batch': 'SendMessageBatch with AWSTraceHeader on each entry',
  'http-header': 'SendMessage with only the HTTP X-Amzn-Trace-Id header',
  'sns-raw': 'SNS Publish with the HTTP X-Amzn-Trace-Id header → SQS, raw delivery',
  'sns-envelope': 'SNS Publish with the HTTP X-Amzn-Trace-Id header → SQS, envelope',
};

/** The probe messages: one per carrier, two for the batch; the SNS pair shares one Publish. */
export function planProbes(prefix: string, header: () => string): Probe[] {
  const probe = (carrier: PropagationCarrier, queue: ProbeQueue, key: string): Probe => ({
    carrier,
    queue,
    key: `${prefix}:${key}`,
    header: header(),
    fallbackHeader: header(),
  });
  const raw = probe('sns-raw', 'raw', 'sns');
  return [
    probe('send-message', 'sqs', 'send-message'),
    probe('send-message-batch', 'sqs', 'batch-1'),
    probe('send-message-batch', 'sqs', 'batch-2'),
    probe('http-header', 'sqs', 'http-header'),
    raw,
    { ...raw, carrier: 'sns-envelope', queue: 'envelope' },
  ];
}

/** The identifying key of a received message on `queue`. */
export function probeKey(queue: ProbeQueue, message: Message): string | undefined {
  return queue === 'envelope' ? envelope(message.Body)?.Message : message.Body;
}

/** Per-carrier checks from what arrived; `failures` holds send or receive errors by carrier. */
export function evaluateProbes(
  probes: readonly Probe[],
  arrived: (probe: Probe) => Message | undefined,
  failures: ReadonlyMap<PropagationCarrier, string>,
  timeoutMs: number,
): PropagationCheck[] {
  const checks: PropagationCheck[] = [];
  for (const carrier of Object.keys(LABELS) as PropagationCarrier[]) {
    const mine = probes.filter((p) => p.carrier === carrier);
    if (mine.length === 0) continue;
    const results = mine.map((p) => judge(p, arrived(p), failures.get(carrier), timeoutMs));
    const fallbacks = results.map((r) => r.fallbackOk);
    checks.push({
      carrier,
      label: LABELS[carrier],
      ok: results.every((r) => r.ok),
      detail: results.every((r) => r.ok)
        ? `AWSTraceHeader intact${mine.length > 1 ? ` on all ${mine.length} entries` : ''}`
        : [...new Set(results.filter((r) => !r.ok).map((r) => r.detail))].join('; '),
      fallback: fallbackOf(carrier),
      fallbackOk: fallbacks.includes(undefined) ? undefined : fallbacks.every(Boolean),
    });
  }
  return checks;
}

function judge(
  probe: Probe,
  message: Message | undefined,
  failure: string | undefined,
  timeoutMs: number,
): { ok: boolean; detail: string; fallbackOk: boolean | undefined } {
  if (message === undefined) {
    return {
      ok: false,
      detail: failure ?? `the message did not arrive within ${timeoutMs} ms`,
      fallbackOk: undefined,
    };
  }
  const received = message.Attributes?.AWSTraceHeader;
  const ok = sameTraceHeader(probe.header, received);
  const detail = ok
    ? 'AWSTraceHeader intact'
    : received === undefined
      ? 'the received message has no AWSTraceHeader'
      : `AWSTraceHeader is "${received}", sent "${probe.header}"`;
  const fallbackValue =
    fallbackOf(probe.carrier) === 'sns-envelope'
      ? envelope(message.Body)?.MessageAttributes?.[FALLBACK_ATTRIBUTE]?.Value
      : message.MessageAttributes?.[FALLBACK_ATTRIBUTE]?.StringValue;
  return { ok, detail, fallbackOk: sameTraceHeader(probe.fallbackHeader, fallbackValue) };
}

function fallbackOf(carrier: PropagationCarrier): FallbackCarrier {
  return carrier === 'sns-envelope' ? 'sns-envelope' : 'message-attribute';
}

interface Envelope {
  Message?: string;
  MessageAttributes?: Record<string, { Type?: string; Value?: string } | undefined>;
}

function envelope(body: string | undefined): Envelope | undefined {
  if (!body?.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
