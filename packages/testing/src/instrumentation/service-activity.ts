// Which services X-Ray has received segments from in a time window: the evidence that tells "not
// instrumented" apart from "instrumented, but the trace context did not reach it".
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { GetTraceSummariesCommand, type XRayClient } from '@aws-sdk/client-xray';
import { findTraceIds } from '../trace/xray-source.ts';

/** How many traces (up to 5) hold a segment of one service in the window. */
export interface ServiceActivity {
  service: string;
  /** Traces with a segment of `service`, counted up to 5. */
  traces: number;
  /** Their IDs, newest first. */
  traceIds: string[];
}

/** The X-Ray filter expression that selects traces through `service`. */
export function serviceFilter(service: string): string {
  return `service(${JSON.stringify(service)})`;
}

/** Activity of each of `services` since `since` (epoch ms), through GetTraceSummaries. */
export async function serviceActivity(
  client: XRayClient,
  services: readonly string[],
  since: number,
): Promise<ServiceActivity[]> {
  return Promise.all(
    services.map(async (service) => {
      const traceIds = await findTraceIds(client, serviceFilter(service), since, 5);
      return { service, traces: traceIds.length, traceIds };
    }),
  );
}

/** Distinct service names in the summaries of every trace since `since` (first 3 pages). */
export async function servicesSeen(client: XRayClient, since: number): Promise<string[]> {
  const names = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < 3; page++) {
    const output = await context.with(suppressTracing(context.active()), () =>
      client.send(
        new GetTraceSummariesCommand({
          StartTime: new Date(since),
          EndTime: new Date(Date.now() + 60_000),
          TimeRangeType: 'Event',
          NextToken: token,
        }),
      ),
    );
    for (const summary of output.TraceSummaries ?? []) {
      for (const id of summary.ServiceIds ?? []) if (id.Name) names.add(id.Name);
    }
    token = output.NextToken;
    if (!token) break;
  }
  return [...names];
}
