// After the burst: the service map table and the example queries, read through the X-Ray API.
import {
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  type XRayClient,
} from '@aws-sdk/client-xray';
import {
  formatEdgeList,
  formatServiceTable,
  summarizeEdges,
  summarizeServices,
} from './service-summary.ts';
import { DEMO_QUERIES } from './traffic.ts';

const window = (): { StartTime: Date; EndTime: Date } => ({
  StartTime: new Date(Date.now() - 15 * 60_000),
  EndTime: new Date(Date.now() + 60_000),
});

/** The service map table and its edges (GetServiceGraph), and how many traces each example query finds. */
export async function summaryText(client: XRayClient): Promise<string> {
  const graph = await client.send(new GetServiceGraphCommand(window()));
  const nodes = graph.Services ?? [];
  const rows = summarizeServices(nodes);
  const edges = formatEdgeList(summarizeEdges(nodes, rows));
  const queries: string[] = [];
  const width = Math.max(...DEMO_QUERIES.map((q) => q.filter.length));
  for (const q of DEMO_QUERIES) {
    const out = await client.send(
      new GetTraceSummariesCommand({ ...window(), FilterExpression: q.filter }),
    );
    const n = out.TraceSummaries?.length ?? 0;
    queries.push(
      `  ${q.filter.padEnd(width)}  ${String(n).padStart(2)} trace${n === 1 ? ' ' : 's'}  (${q.finds})`,
    );
  }
  return [
    'Service map (GetServiceGraph):',
    ...formatServiceTable(rows)
      .split('\n')
      .map((l) => `  ${l}`),
    '',
    'Calls (caller → callee, the edges of the map):',
    ...edges.map((l) => `  ${l}`),
    '',
    'Filter expressions to try (GetTraceSummaries):',
    ...queries,
  ].join('\n');
}
