// Reads traces through the X-Ray API — the same calls work against real X-Ray and @otel-xray/local.
// Our own calls run with tracing suppressed so they never show up in the traces under test.
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import {
  BatchGetTracesCommand,
  GetTraceSummariesCommand,
  XRayClient,
  type XRayClientConfig,
} from '@aws-sdk/client-xray';
import type { ApiTrace } from './api-shapes.ts';

/** Where to read traces: a client, or the endpoint of an X-Ray API (e.g. a local X-Ray). */
export type XRaySource = XRayClient | string;

/** A client for `source` and whether the caller must destroy it. */
export function xrayClient(
  source: XRaySource | undefined,
  region?: string,
): { client: XRayClient; owned: boolean } {
  if (source instanceof XRayClient) return { client: source, owned: false };
  const config: XRayClientConfig = {
    region: region ?? process.env.AWS_REGION ?? 'us-east-1',
    maxAttempts: 1,
  };
  // Without `source`, the SDK's own configuration applies: AWS_ENDPOINT_URL_XRAY, AWS_ENDPOINT_URL, or AWS.
  if (source !== undefined) config.endpoint = source;
  if (source !== undefined && !process.env.AWS_ACCESS_KEY_ID) {
    config.credentials = { accessKeyId: 'test', secretAccessKey: 'test' }; // a local X-Ray checks none
  }
  return { client: new XRayClient(config), owned: true };
}

/** BatchGetTraces for one ID: the trace, or undefined while X-Ray lists it as unprocessed. */
export async function fetchTraceById(
  client: XRayClient,
  id: string,
): Promise<ApiTrace | undefined> {
  const output = await untraced(() => client.send(new BatchGetTracesCommand({ TraceIds: [id] })));
  return output.Traces?.find((t) => t.Id === id) ?? output.Traces?.[0];
}

/** Trace IDs matching `filter` in `[since, now + 1 min)`, newest first (at most `limit`). */
export async function findTraceIds(
  client: XRayClient,
  filter: string,
  since: number,
  limit = 5,
): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const output = await untraced(() =>
      client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date(since),
          EndTime: new Date(Date.now() + 60_000),
          TimeRangeType: 'Event',
          FilterExpression: filter,
          NextToken: token,
        }),
      ),
    );
    for (const s of output.TraceSummaries ?? []) if (s.Id && !ids.includes(s.Id)) ids.push(s.Id);
    token = output.NextToken;
  } while (token && ids.length < limit);
  return ids.slice(0, limit);
}

/** BatchGetTraces for up to 5 IDs. */
export async function fetchTraces(client: XRayClient, ids: string[]): Promise<ApiTrace[]> {
  if (ids.length === 0) return [];
  const output = await untraced(() =>
    client.send(new BatchGetTracesCommand({ TraceIds: ids.slice(0, 5) })),
  );
  return output.Traces ?? [];
}

function untraced<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}
