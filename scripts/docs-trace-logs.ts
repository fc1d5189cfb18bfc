// For scripts/capture-docs.ts: gives the demo's poison trace log lines in the local X-Ray when the
// services sent none (before they export their own logs), so the docs can show the logs pane.
// The lines follow the trace's real segments: their times, services and segment IDs, the cause of
// each failed receive. Sent as OTLP/JSON to /v1/logs like any exporter; scope `capture-docs`.

interface Entity {
  id: string;
  name: string;
  start_time: number;
  fault?: boolean;
  annotations?: Record<string, unknown>;
  cause?: { exceptions?: Array<{ type?: string; message?: string }> };
  subsegments?: Entity[];
}

type Attr = { key: string; value: { stringValue: string } | { intValue: string } };
interface Line {
  service: string;
  time: number;
  segmentId: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
  attributes: Record<string, string | number>;
}

const SEVERITY = { INFO: 9, WARN: 13, ERROR: 17 };

/** Lines a developer would expect from each segment of the order's trace. */
function linesOf(segments: readonly Entity[]): Line[] {
  const lines: Line[] = [];
  const annotated = segments.find((s) => typeof s.annotations?.order_id === 'string');
  const orderId = (annotated?.annotations?.order_id as string | undefined) ?? 'o-1';
  const receives = segments.filter((s) => s.name === 'inventory').length;
  let receive = 0;
  for (const s of segments) {
    const at = (dt: number, level: Line['level'], message: string, extra = {}): void => {
      lines.push({
        service: s.name,
        time: s.start_time + dt,
        segmentId: s.id,
        level,
        message,
        attributes: { orderId, ...extra },
      });
    };
    const cause = [s, ...(s.subsegments ?? [])].flatMap((e) => e.cause?.exceptions ?? [])[0];
    if (s.name === 'orders') {
      at(0, 'INFO', 'order received');
      const publish = s.subsegments?.find((x) => x.name === 'SNS');
      if (publish !== undefined)
        lines.push({
          service: 'orders',
          time: publish.start_time,
          segmentId: publish.id,
          level: 'INFO',
          message: 'publishing OrderPlaced',
          attributes: { orderId },
        });
    } else if (s.name === 'inventory') {
      receive++;
      at(0, 'INFO', `received OrderPlaced (receive ${receive} of ${receives})`, { receive });
      const failed = s.subsegments?.find((x) => x.fault === true) ?? s;
      lines.push({
        service: 'inventory',
        time: failed.start_time,
        segmentId: failed.id,
        level: 'ERROR',
        message: `stock check failed: ${cause?.message ?? 'unknown SKU'}`,
        attributes: { orderId, 'exception.type': cause?.type ?? 'Error' },
      });
      if (receive === receives)
        at(
          failed.start_time - s.start_time + 0.001,
          'WARN',
          `giving up after ${receives} receives: the redrive policy moves the message to the DLQ`,
        );
    } else at(0, 'INFO', `${s.name}: handled OrderPlaced`);
  }
  return lines;
}

function attributes(values: Record<string, string | number>): Attr[] {
  return Object.entries(values).map(([key, v]) => ({
    key,
    value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v },
  }));
}

/** Seeds lines for `traceId` unless it already has some; resolves with how many were sent. */
export async function seedTraceLogs(endpoint: string, traceId: string): Promise<number> {
  const existing = (await (await fetch(`${endpoint}/_local/logs?traceId=${traceId}`)).json()) as {
    logs?: unknown[];
  };
  if ((existing.logs ?? []).length > 0) return 0;
  const res = await fetch(`${endpoint}/Traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ TraceIds: [traceId] }),
  });
  const body = (await res.json()) as {
    Traces?: Array<{ Segments?: Array<{ Document?: string }> }>;
  };
  const segments = (body.Traces?.[0]?.Segments ?? [])
    .map((s) => JSON.parse(s.Document ?? '{}') as Entity & { inferred?: boolean })
    .filter((s) => s.inferred !== true)
    .sort((a, b) => a.start_time - b.start_time);
  const lines = linesOf(segments);
  const hex = traceId.replace(/^1-/, '').replace('-', '');
  const services = [...new Set(lines.map((l) => l.service))];
  const request = {
    resourceLogs: services.map((service) => ({
      resource: { attributes: attributes({ 'service.name': service }) },
      scopeLogs: [
        {
          scope: { name: 'capture-docs' },
          logRecords: lines
            .filter((l) => l.service === service)
            .map((l) => ({
              timeUnixNano: String(Math.round(l.time * 1e6) * 1000),
              severityNumber: SEVERITY[l.level],
              severityText: l.level,
              body: { stringValue: l.message },
              attributes: attributes(l.attributes),
              traceId: hex,
              spanId: l.segmentId,
            })),
        },
      ],
    })),
  };
  const sent = await fetch(`${endpoint}/v1/logs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (sent.status !== 200)
    throw new Error(`/v1/logs answered ${sent.status}: ${await sent.text()}`);
  return lines.length;
}
