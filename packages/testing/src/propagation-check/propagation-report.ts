// What checkEmulatorPropagation found, in words a test log can show (pure).

/** A way the X-Ray trace header can travel through SQS/SNS into a received message's `AWSTraceHeader`. */
export type PropagationCarrier =
  'send-message' | 'send-message-batch' | 'http-header' | 'sns-raw' | 'sns-envelope';

/** Where a consumer can still find the trace context when `AWSTraceHeader` is lost. */
export type FallbackCarrier = 'message-attribute' | 'sns-envelope';

/** The outcome of one carrier. */
export interface PropagationCheck {
  /** Which carrier. */
  carrier: PropagationCarrier;
  /** What was sent, e.g. `SendMessage with MessageSystemAttributes.AWSTraceHeader`. */
  label: string;
  /** The received message's `AWSTraceHeader` had the Root and Parent that were sent. */
  ok: boolean;
  /** What arrived (or the error), one line. */
  detail: string;
  /** The fallback the probe sent alongside (an `X-Amzn-Trace-Id` message attribute). */
  fallback: FallbackCarrier;
  /** That fallback arrived intact; undefined when the message never arrived. */
  fallbackOk: boolean | undefined;
}

/** Result of {@link checkEmulatorPropagation}. */
export interface PropagationReport {
  /** Endpoint checked (empty: the SDK's default, i.e. real AWS). */
  endpoint: string;
  /** Every carrier kept `AWSTraceHeader`. */
  ok: boolean;
  /** Set when the probe could not run at all (resources could not be created). */
  error?: string;
  /** One entry per carrier, in the order of {@link PropagationCarrier}. */
  checks: PropagationCheck[];
  /** For each lost carrier: what a consumer must rely on instead. Empty when all work. */
  fallbacks: string[];
  /** Milliseconds the probe took, clean-up included. */
  durationMs: number;
  /** One line: how many carriers work, which are lost, and the fallback. */
  summary: string;
  /** The summary, one line per carrier, then the fallbacks. */
  print(): string;
}

const SHORT: Record<PropagationCarrier, string> = {
  'send-message': 'SendMessage',
  'send-message-batch': 'SendMessageBatch',
  'http-header': 'HTTP header',
  'sns-raw': 'SNS→SQS raw',
  'sns-envelope': 'SNS→SQS envelope',
};

const ADVICE: Record<PropagationCarrier, string> = {
  'send-message':
    'SendMessage loses MessageSystemAttributes.AWSTraceHeader: consumers must rely on an X-Amzn-Trace-Id/traceparent message attribute (findSqsMessageTrace reads it second)',
  'send-message-batch':
    'SendMessageBatch drops each entry’s AWSTraceHeader: consumers of batched messages must rely on per-entry X-Amzn-Trace-Id/traceparent message attributes',
  'http-header':
    'the HTTP X-Amzn-Trace-Id header of SendMessage does not become AWSTraceHeader: producers must set MessageSystemAttributes.AWSTraceHeader themselves (injectSqsSendMessage)',
  'sns-raw':
    'SNS→SQS raw delivery does not turn the Publish request’s X-Amzn-Trace-Id header into AWSTraceHeader: consumers must rely on the SNS message attribute, delivered as an SQS message attribute',
  'sns-envelope':
    'SNS→SQS envelope delivery does not turn the Publish request’s X-Amzn-Trace-Id header into AWSTraceHeader: consumers must rely on the MessageAttributes inside the SNS envelope (findSqsMessageTrace reads them third)',
};

/** Assembles the report from the checks (or from the error that stopped the probe). */
export function buildPropagationReport(
  endpoint: string,
  checks: PropagationCheck[],
  durationMs: number,
  error?: string,
): PropagationReport {
  const where = endpoint || 'AWS';
  const ok = error === undefined && checks.length > 0 && checks.every((c) => c.ok);
  const lost = checks.filter((c) => !c.ok);
  const explicitWorks = checks.some((c) => c.carrier === 'send-message' && c.ok);
  const fallbacks = lost.map(
    (c) =>
      `${ADVICE[c.carrier]}${c.carrier === 'http-header' && explicitWorks ? ' — the explicit attribute works here' : fallbackNote(c)}`,
  );
  const kept = checks.filter((c) => c.ok).map((c) => SHORT[c.carrier]);
  let summary: string;
  if (error !== undefined) summary = `trace header propagation at ${where}: not checked (${error})`;
  else if (ok)
    summary = `trace header propagation at ${where}: AWSTraceHeader kept by all ${checks.length} carriers (${kept.join(', ')})`;
  else {
    const fallbackKinds = [...new Set(lost.map((c) => FALLBACK_WORDS[c.fallback]))].join(', ');
    summary =
      `trace header propagation at ${where}: AWSTraceHeader kept by ${kept.length}/${checks.length} carriers` +
      `${kept.length > 0 ? ` (${kept.join(', ')})` : ''}; lost by ${lost.map((c) => SHORT[c.carrier]).join(', ')}` +
      ` → consumers fall back to ${fallbackKinds}`;
  }
  const print = (): string =>
    [
      summary,
      ...checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.label}: ${c.detail}`),
      ...(fallbacks.length > 0 ? ['Fallbacks:', ...fallbacks.map((f) => `  • ${f}`)] : []),
    ].join('\n');
  const report: PropagationReport = { endpoint, ok, checks, fallbacks, durationMs, summary, print };
  if (error !== undefined) report.error = error;
  return report;
}

const FALLBACK_WORDS: Record<FallbackCarrier, string> = {
  'message-attribute': 'message attributes',
  'sns-envelope': 'SNS envelope attributes',
};

function fallbackNote(check: PropagationCheck): string {
  if (check.fallbackOk === true) return ` — the ${FALLBACK_WORDS[check.fallback]} arrived intact`;
  if (check.fallbackOk === false)
    return ` — but the ${FALLBACK_WORDS[check.fallback]} were lost too: nothing carries the trace here`;
  return '';
}
