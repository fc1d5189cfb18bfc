// Polls the X-Ray API until a trace has the expected shape, then returns it as a tree.
import type { XRayClient } from '@aws-sdk/client-xray';
import { buildTrace } from './build-trace.ts';
import { pollDelay, type PollSchedule } from './poll-schedule.ts';
import {
  describeExpectation,
  missingFromTrace,
  type TraceExpectation,
} from './trace-expectation.ts';
import {
  describeTarget,
  resolveTarget,
  type ResolvedTarget,
  type TraceTarget,
} from './trace-target.ts';
import type { Trace } from './types.ts';
import {
  endpointOf,
  waitForTraceLogs,
  type TraceLogsExpectation,
} from '../logs/wait-for-trace-logs.ts';
import {
  fetchTraceById,
  fetchTraces,
  findTraceIds,
  xrayClient,
  type XRaySource,
} from './xray-source.ts';

/** Options of {@link waitForTrace}. */
export interface WaitForTraceOptions extends TraceExpectation, PollSchedule {
  /** X-Ray client or API endpoint. Default: a client configured by the environment (AWS_ENDPOINT_URL_XRAY, …). */
  xray?: XRaySource;
  /** Region of a client created here. Default AWS_REGION or us-east-1. */
  region?: string;
  /** Give up after this long, ms. Default 10 000. */
  timeoutMs?: number;
  /** For a filter: oldest trace update considered (epoch ms). Default: 5 minutes ago. */
  since?: number;
  /**
   * Also read the trace's log lines from the local X-Ray (`GET /_local/logs` on the `xray`
   * endpoint) into `trace.logs`: `true`, or which services must have written lines. Waits for the
   * lines to settle, within `timeoutMs`. Default false.
   */
  logs?: boolean | TraceLogsExpectation;
}

/** Thrown by {@link waitForTrace} when the expected shape did not arrive in time. */
export class TraceTimeoutError extends Error {
  /** The closest trace seen, if any. */
  readonly lastTrace: Trace | undefined;
  constructor(message: string, lastTrace: Trace | undefined) {
    super(message);
    this.name = 'TraceTimeoutError';
    this.lastTrace = lastTrace;
  }
}

/**
 * Polls X-Ray (BatchGetTraces for an ID; GetTraceSummaries + BatchGetTraces for a filter
 * expression) every 50 ms, backing off to 500 ms, until the trace has the expected shape, and
 * returns it with its tree. On timeout, throws a {@link TraceTimeoutError} that prints what was found.
 *
 * @example
 * const trace = await waitForTrace(traceId, { services: ['orders', 'inventory', 'shipping'] });
 * expect(trace).toHaveTraceTree({ service: 'orders', children: [{ name: 'SNS' }] });
 */
export async function waitForTrace(
  target: TraceTarget,
  options: WaitForTraceOptions = {},
): Promise<Trace> {
  const resolved = resolveTarget(target);
  const { client, owned } = xrayClient(options.xray, options.region);
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 10_000);
  const since =
    resolved.kind === 'filter' ? (resolved.since ?? options.since ?? started - 300_000) : 0;
  let best: { trace: Trace; missing: string[] } | undefined;
  let lastError: unknown;
  let polls = 0;
  try {
    for (;;) {
      polls++;
      try {
        for (const trace of await poll(client, resolved, since)) {
          const missing = missingFromTrace(trace, options);
          if (missing.length === 0) return await withLogs(trace, options, deadline);
          if (!best || trace.nodes.length >= best.trace.nodes.length) best = { trace, missing };
        }
        lastError = undefined;
      } catch (error) {
        lastError = error; // not up yet, throttled, …: keep polling until the deadline
      }
      const delay = pollDelay(polls - 1, options);
      if (Date.now() + delay > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  } finally {
    if (owned) client.destroy();
  }
  throw new TraceTimeoutError(
    timeoutMessage(resolved, options, Date.now() - started, polls, best, lastError),
    best?.trace,
  );
}

async function withLogs(
  trace: Trace,
  options: WaitForTraceOptions,
  deadline: number,
): Promise<Trace> {
  if (!options.logs) return trace;
  const endpoint = await endpointOf(options.xray);
  if (endpoint === undefined) return Object.assign(trace, { logs: [] });
  const expectation = options.logs === true ? {} : options.logs;
  // The logs get at least 2 s even when the trace took most of the timeout.
  const logs = await waitForTraceLogs(
    endpoint,
    trace.id,
    expectation,
    Math.max(deadline, Date.now() + 2_000),
  );
  return Object.assign(trace, { logs });
}

async function poll(client: XRayClient, target: ResolvedTarget, since: number): Promise<Trace[]> {
  if (target.kind === 'id') {
    const found = await fetchTraceById(client, target.id);
    return found ? [buildTrace(found)] : [];
  }
  const ids = await findTraceIds(client, target.filter, since);
  return (await fetchTraces(client, ids)).map(buildTrace);
}

function timeoutMessage(
  target: ResolvedTarget,
  expectation: TraceExpectation,
  elapsedMs: number,
  polls: number,
  best: { trace: Trace; missing: string[] } | undefined,
  lastError: unknown,
): string {
  const lines = [
    `waitForTrace: ${describeTarget(target)} did not arrive as expected within ${elapsedMs} ms (${polls} polls)`,
    `  expected: ${describeExpectation(expectation)}`,
  ];
  if (best)
    lines.push(`  missing:  ${best.missing.join('; ')}`, '', 'Last seen:', best.trace.print());
  else
    lines.push(
      `  found:    nothing (${target.kind === 'id' ? 'X-Ray kept it in UnprocessedTraceIds' : 'no trace summaries matched'})`,
    );
  if (lastError !== undefined) {
    lines.push(
      '',
      `Last X-Ray API error: ${lastError instanceof Error ? `${lastError.name}: ${lastError.message}` : JSON.stringify(lastError)}`,
    );
  }
  return lines.join('\n');
}
