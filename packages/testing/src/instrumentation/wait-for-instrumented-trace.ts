// waitForTrace, plus an explanation when it times out: did the missing services send X-Ray
// anything at all (not instrumented), or only other traces (context lost on the way)?
import {
  TraceTimeoutError,
  waitForTrace,
  type WaitForTraceOptions,
} from '../trace/wait-for-trace.ts';
import type { TraceTarget } from '../trace/trace-target.ts';
import type { Trace } from '../trace/types.ts';
import { xrayClient } from '../trace/xray-source.ts';
import { InstrumentationError } from './instrumentation-error.ts';
import { disconnectedHint, silentServiceHints } from './instrumentation-hints.ts';
import { serviceActivity, servicesSeen, type ServiceActivity } from './service-activity.ts';

/** Options of {@link waitForInstrumentedTrace}. */
export interface InstrumentedTraceOptions extends WaitForTraceOptions {
  /** Oldest segment that counts as a sign of life (epoch ms or Date). Default: 60 s before the call. */
  activitySince?: Date | number;
}

/**
 * {@link waitForTrace} with a diagnosis on timeout. For each expected service (`services`) missing
 * from the trace it asks X-Ray whether that service sent any segment at all since
 * `activitySince`: if not, it throws an {@link InstrumentationError} naming the service and the
 * likely causes (no `--import @otel-xray/node/register`, ESM hook, daemon address, sampler, service
 * name, exit before flush); if it did, the timeout message says the context did not reach it.
 * Without `services`, it checks that X-Ray received anything at all.
 *
 * @example
 * const res = await fetch(`${ordersUrl}/orders`, { method: 'POST', body });
 * const traceId = /Root=([^;]+)/.exec(res.headers.get('x-amzn-trace-id') ?? '')![1]!;
 * await waitForInstrumentedTrace(traceId, { services: ['orders', 'inventory', 'shipping'] });
 */
export async function waitForInstrumentedTrace(
  target: TraceTarget,
  options: InstrumentedTraceOptions = {},
): Promise<Trace> {
  const calledAt = Date.now();
  try {
    return await waitForTrace(target, options);
  } catch (error) {
    if (!(error instanceof TraceTimeoutError)) throw error;
    const since = toEpoch(options.activitySince) ?? calledAt - 60_000;
    throw await explain(error, options, since);
  }
}

async function explain(
  timeout: TraceTimeoutError,
  options: InstrumentedTraceOptions,
  since: number,
): Promise<TraceTimeoutError> {
  const present = timeout.lastTrace?.services ?? [];
  const missing = (options.services ?? []).filter((s) => !present.includes(s));
  if (missing.length === 0 && (options.services?.length || timeout.lastTrace)) return timeout;
  const { client, owned } = xrayClient(options.xray, options.region);
  let activity: ServiceActivity[];
  let seen: string[];
  try {
    [activity, seen] = await Promise.all([
      serviceActivity(client, missing, since),
      servicesSeen(client, since),
    ]);
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
    return new TraceTimeoutError(
      `${timeout.message}\n\n(instrumentation check failed: ${reason})`,
      timeout.lastTrace,
    );
  } finally {
    if (owned) client.destroy();
  }
  const silent = activity.filter((a) => a.traces === 0).map((a) => a.service);
  const active = activity.filter((a) => a.traces > 0);
  const clock = new Date(since).toISOString().slice(11, 19);
  const lines = [
    timeout.message,
    '',
    `Instrumentation check (segments X-Ray received since ${clock} UTC):`,
  ];
  for (const a of activity) {
    lines.push(
      a.traces === 0
        ? `  ✗ ${a.service}: no segments at all`
        : `  ✓ ${a.service}: segments in ${a.traces === 5 ? '5 or more' : a.traces} other trace${a.traces === 1 ? '' : 's'}`,
    );
  }
  const nothing = missing.length === 0 && seen.length === 0;
  if (missing.length === 0) {
    lines.push(
      nothing ? '  ✗ no segments from any service' : `  services seen: ${seen.join(', ')}`,
    );
  }
  if (active.length > 0) lines.push('', disconnectedHint(active.map((a) => a.service)));
  const hints = { daemonAddress: process.env.AWS_XRAY_DAEMON_ADDRESS, seen };
  if (silent.length > 0 || nothing) {
    lines.push('', ...silentServiceHints(silent, hints));
    return new InstrumentationError(lines.join('\n'), timeout.lastTrace, { silent, activity });
  }
  return new TraceTimeoutError(lines.join('\n'), timeout.lastTrace);
}

function toEpoch(value: Date | number | undefined): number | undefined {
  return value instanceof Date ? value.getTime() : value;
}
