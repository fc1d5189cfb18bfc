// After the burst: the service map table and the example queries, read through the X-Ray API.
import {
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  type XRayClient,
} from '@aws-sdk/client-xray';
import { formatServiceTable, summarizeServices } from './service-summary.ts';
import { DEMO_QUERIES } from './traffic.ts';

const window = (): { StartTime: Date; EndTime: Date } => ({
  StartTime: new Date(Date.now() - 15 * 60_000),
  EndTime: new Date(Date.now() + 60_000),
});

/** The service map table (GetServiceGraph) and how many traces each example query finds. */
export async function summaryText(client: XRayClient): Promise<string> {
  const graph = await client.send(new GetServiceGraphCommand(window()));
  const table = formatServiceTable(summarizeServices(graph.Services ?? []));
  const edges: string[] = [];
  const byRef = new Map((graph.Services ?? []).map((s) => [s.ReferenceId, s]));
  for (const s of graph.Services ?? []) {
    for (const e of s.Edges ?? []) {
      const to = byRef.get(e.ReferenceId);
      const from = s.Type === 'client' ? 'client' : (s.Name ?? '?');
      if (to) edges.push(`${from} → ${to.Name ?? '?'}`);
    }
  }
  const queries: string[] = [];
  for (const q of DEMO_QUERIES) {
    const out = await client.send(
      new GetTraceSummariesCommand({ ...window(), FilterExpression: q.filter }),
    );
    const n = out.TraceSummaries?.length ?? 0;
    queries.push(
      `  ${q.filter.padEnd(58)} ${String(n).padStart(2)} trace${n === 1 ? ' ' : 's'}  (${q.finds})`,
    );
  }
  return [
    'Service map (GetServiceGraph):',
    ...table.split('\n').map((l) => `  ${l}`),
    '',
    `Edges: ${edges.join(', ')}`,
    '',
    'Filter expressions to try (GetTraceSummaries):',
    ...queries,
  ].join('\n');
}
