// A sign-of-life check for services started as child processes: each must have sent X-Ray at
// least one segment (showing the expected instrumentations) within the timeout.
import { buildTrace } from '../trace/build-trace.ts';
import { pollDelay, type PollSchedule } from '../trace/poll-schedule.ts';
import type { Trace } from '../trace/types.ts';
import { fetchTraces, xrayClient, type XRaySource } from '../trace/xray-source.ts';
import { InstrumentationError } from './instrumentation-error.ts';
import { silentServiceHints, unpatchedHints } from './instrumentation-hints.ts';
import { serviceActivity, servicesSeen, type ServiceActivity } from './service-activity.ts';
import { missingSpans, spanName, type InstrumentedSpan } from './span-kinds.ts';

/** Options of {@link expectServiceInstrumented}. */
export interface ExpectInstrumentedOptions extends PollSchedule {
  /** X-Ray client or API endpoint. Default: a client configured by the environment. */
  xray?: XRaySource;
  /** Region of a client created here. Default AWS_REGION or us-east-1. */
  region?: string;
  /** Oldest segment that counts (epoch ms or Date). Default: 60 s before the call. */
  since?: Date | number;
  /** Give up after this long, ms. Default 10 000. */
  timeoutMs?: number;
  /** Span kinds the service's segments must show, e.g. `['http.server', 'aws.sdk']`. */
  spans?: readonly InstrumentedSpan[];
}

/**
 * Waits until X-Ray holds a segment from each of `services` (and, with `spans`, segments showing
 * each instrumentation) — typically after one request through services started as child
 * processes. Otherwise rejects with an {@link InstrumentationError} that names the services that
 * sent nothing or lack a span kind, and the likely causes.
 *
 * @example
 * await fetch(`${ordersUrl}/health`);
 * await expectServiceInstrumented('orders', { spans: ['http.server', 'aws.sdk'] });
 */
export async function expectServiceInstrumented(
  services: string | readonly string[],
  options: ExpectInstrumentedOptions = {},
): Promise<void> {
  const names = typeof services === 'string' ? [services] : [...services];
  const started = Date.now();
  const since = toEpoch(options.since) ?? started - 60_000;
  const deadline = started + (options.timeoutMs ?? 10_000);
  const spans = options.spans ?? [];
  const { client, owned } = xrayClient(options.xray, options.region);
  let activity: ServiceActivity[] = [];
  let unpatched: Record<string, InstrumentedSpan[]> = {};
  let traces: Trace[] = [];
  let lastError: unknown;
  try {
    for (let poll = 0; ; poll++) {
      try {
        activity = await serviceActivity(client, names, since);
        const found = await Promise.all(
          activity.map(async (a) =>
            spans.length > 0 && a.traces > 0
              ? (await fetchTraces(client, a.traceIds)).map(buildTrace)
              : [],
          ),
        );
        traces = found.flat();
        unpatched = {};
        activity.forEach((a, i) => {
          const missing = a.traces > 0 ? missingSpans(found[i] ?? [], a.service, spans) : [];
          if (missing.length > 0) unpatched[a.service] = missing;
        });
        lastError = undefined;
        if (activity.every((a) => a.traces > 0) && Object.keys(unpatched).length === 0) return;
      } catch (error) {
        lastError = error; // X-Ray not answering yet: keep polling until the deadline
      }
      const delay = pollDelay(poll, options);
      if (Date.now() + delay > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const silent = names.filter((n) => !activity.some((a) => a.service === n && a.traces > 0));
    const seen = silent.length > 0 ? await servicesSeen(client, since).catch(() => []) : [];
    const lines = [
      `expectServiceInstrumented: checked ${names.join(', ')} for ${Date.now() - started} ms`,
    ];
    if (silent.length > 0) {
      const hints = { daemonAddress: process.env.AWS_XRAY_DAEMON_ADDRESS, seen };
      lines.push(...silentServiceHints(silent, hints));
    }
    for (const [service, missing] of Object.entries(unpatched))
      lines.push(...unpatchedHints(service, missing));
    const unpatchedNames = Object.fromEntries(
      Object.entries(unpatched).map(([s, missing]) => [s, missing.map(spanName)]),
    );
    if (lastError !== undefined) {
      const reason =
        lastError instanceof Error
          ? `${lastError.name}: ${lastError.message}`
          : JSON.stringify(lastError);
      lines.push(`Last X-Ray API error (so the services may not be at fault): ${reason}`);
    }
    throw new InstrumentationError(lines.join('\n'), traces[0], {
      silent,
      unpatched: unpatchedNames,
      activity,
    });
  } finally {
    if (owned) client.destroy();
  }
}

function toEpoch(value: Date | number | undefined): number | undefined {
  return value instanceof Date ? value.getTime() : value;
}
