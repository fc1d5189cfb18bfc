import type { XRayClient } from '@aws-sdk/client-xray';
import { fetchTraceLogs } from './fetch-trace-logs.ts';
import type { TraceLogLine } from './trace-log-line.ts';

/** What `waitForTrace(…, { logs })` waits for besides the trace. */
export interface TraceLogsExpectation {
  /** Services that must each have written at least one line of the trace. */
  services?: string[];
  /** Lines count as complete once their number has not changed for this long, ms. Default 400. */
  settleMs?: number;
}

/** The HTTP endpoint behind an X-Ray source (a URL, or a client built with `endpoint`). */
export async function endpointOf(
  source: XRayClient | string | undefined,
): Promise<string | undefined> {
  if (typeof source === 'string') return source;
  if (source === undefined) return process.env.AWS_ENDPOINT_URL_XRAY;
  const provider = source.config.endpoint;
  if (provider === undefined) return undefined;
  const { protocol, hostname, port, path } = await provider();
  return `${protocol}//${hostname}${port === undefined ? '' : `:${port}`}${path === '/' ? '' : path}`;
}

/**
 * Polls the local X-Ray's logs of `traceId` until the listed services have each written a line
 * and the count has settled (log batches trail the spans by a moment), or `deadline` passes;
 * resolves with what it has then — a missing line is for the assertion to report.
 */
export async function waitForTraceLogs(
  endpoint: string,
  traceId: string,
  expectation: TraceLogsExpectation,
  deadline: number,
): Promise<TraceLogLine[]> {
  const settleMs = expectation.settleMs ?? 400;
  let lines: TraceLogLine[] = [];
  let stableSince = Date.now();
  for (;;) {
    let fresh: TraceLogLine[] | undefined;
    try {
      fresh = (await fetchTraceLogs(endpoint, traceId, { limit: 10_000 })).logs;
    } catch {
      fresh = undefined; // not a local X-Ray, or not up: try until the deadline
    }
    if (fresh !== undefined && fresh.length !== lines.length) {
      lines = fresh;
      stableSince = Date.now();
    }
    const present = new Set(lines.map((l) => l.service));
    const complete = (expectation.services ?? []).every((s) => present.has(s));
    if (complete && lines.length > 0 && Date.now() - stableSince >= settleMs) return lines;
    if (Date.now() + 100 > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
