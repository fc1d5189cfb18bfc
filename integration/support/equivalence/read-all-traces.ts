// Every trace a local X-Ray holds, as raw segment documents, through the X-Ray API a user (or the
// console) calls: GetTraceSummaries over the whole window, then BatchGetTraces five at a time.
import {
  BatchGetTracesCommand,
  GetTraceSummariesCommand,
  type XRayClient,
} from '@aws-sdk/client-xray';
import type { SegmentDocument } from '@otel-xray/core';

/** One trace: its ID and its segment documents as BatchGetTraces returns them (parsed). */
export interface RawTrace {
  id: string;
  documents: SegmentDocument[];
}

/** All traces updated since `since` (epoch ms), oldest first by ID. */
export async function readAllTraces(client: XRayClient, since: number): Promise<RawTrace[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetTraceSummariesCommand({
        StartTime: new Date(since - 60_000),
        EndTime: new Date(Date.now() + 60_000),
        NextToken: token,
      }),
    );
    for (const summary of page.TraceSummaries ?? [])
      if (summary.Id !== undefined && !ids.includes(summary.Id)) ids.push(summary.Id);
    token = page.NextToken;
  } while (token !== undefined);
  const traces: RawTrace[] = [];
  for (let start = 0; start < ids.length; start += 5) {
    const out = await client.send(
      new BatchGetTracesCommand({ TraceIds: ids.slice(start, start + 5) }),
    );
    for (const trace of out.Traces ?? []) {
      traces.push({
        id: trace.Id ?? '',
        documents: (trace.Segments ?? []).map(
          (s) => JSON.parse(s.Document ?? '{}') as SegmentDocument,
        ),
      });
    }
    if ((out.UnprocessedTraceIds ?? []).length > 0)
      throw new Error(`BatchGetTraces left ${out.UnprocessedTraceIds?.join(', ')} unprocessed`);
  }
  return traces.sort((a, b) => a.id.localeCompare(b.id));
}
