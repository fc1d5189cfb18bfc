// `/v1/logs` ingest rate, side by side with `/v1/traces` for the same number of spans. Bodies are
// made by the OpenTelemetry SDK's own serializers (what its OTLP exporters send): batches of 512,
// the BatchLogRecordProcessor's and BatchSpanProcessor's default export size, protobuf and JSON.
// Every batch is posted once per round to a fresh local X-Ray by 4 concurrent callers; kinds
// alternate round by round and the median round of each is reported, with the logs/traces ratio.
// Env: BENCH_BATCHES (per round, default 100 = 51,200 records), BENCH_ROUNDS (default 3).
import { loadavg } from 'node:os';
import { ROOT_CONTEXT, SeverityNumber, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import {
  JsonLogsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { XRayIdGenerator } from '@otel-xray/core';
import { startLocalXRay } from '../src/index.ts';

const BATCH = 512;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_TRACE = 8;
const resource = resourceFromAttributes({ 'service.name': 'inventory' });

/** One batch of 512 spans: 64 traces of a server span and 7 children. */
function spanBatch(): Uint8Array[] {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    idGenerator: new XRayIdGenerator(),
    resource,
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });
  const tracer = provider.getTracer('bench');
  for (let t = 0; t < BATCH / PER_TRACE; t++) {
    const root = tracer.startSpan('POST /reserve', {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'POST', 'http.response.status_code': 200 },
    });
    const ctx = trace.setSpan(ROOT_CONTEXT, root);
    for (let c = 1; c < PER_TRACE; c++)
      tracer.startSpan(`step-${c}`, { attributes: { sku: `SKU-${c}`, quantity: c } }, ctx).end();
    root.end();
  }
  const spans = memory.getFinishedSpans();
  return [
    ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array(),
    JsonTraceSerializer.serializeRequest(spans) ?? new Uint8Array(),
  ];
}

/** One batch of 512 log records: 64 traces of 8 lines, each with an order ID and a SKU. */
function logBatch(): Uint8Array[] {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: memory })],
  });
  const logger = provider.getLogger('bench');
  const ids = new XRayIdGenerator();
  for (let t = 0; t < BATCH / PER_TRACE; t++) {
    const traceId = ids.generateTraceId();
    for (let l = 0; l < PER_TRACE; l++) {
      const context = trace.setSpanContext(ROOT_CONTEXT, {
        traceId,
        spanId: ids.generateSpanId(),
        traceFlags: TraceFlags.SAMPLED,
      });
      logger.emit({
        body: `reserved ${l + 1} of SKU-${l} for the order`,
        severityNumber: SeverityNumber.INFO,
        severityText: 'info',
        attributes: { orderId: `o-${t}`, sku: `SKU-${l}`, quantity: l + 1 },
        context,
      });
    }
  }
  const records = memory.getFinishedLogRecords();
  return [
    ProtobufLogsSerializer.serializeRequest(records) ?? new Uint8Array(),
    JsonLogsSerializer.serializeRequest(records) ?? new Uint8Array(),
  ];
}

type Kind = 'logs protobuf' | 'logs JSON' | 'traces protobuf' | 'traces JSON';
const bodies: Record<Kind, Uint8Array[]> = {
  'logs protobuf': [],
  'logs JSON': [],
  'traces protobuf': [],
  'traces JSON': [],
};
for (let b = 0; b < BATCHES; b++) {
  const [lp, lj] = logBatch();
  const [tp, tj] = spanBatch();
  bodies['logs protobuf'].push(lp as Uint8Array);
  bodies['logs JSON'].push(lj as Uint8Array);
  bodies['traces protobuf'].push(tp as Uint8Array);
  bodies['traces JSON'].push(tj as Uint8Array);
}

/** Records (or spans) per second for one round: a fresh server, every batch posted once. */
async function round(kind: Kind): Promise<number> {
  const xray = await startLocalXRay({ port: 0, maxTraces: 1_000_000, maxLogRecords: 1_000_000 });
  const url = `${xray.endpoint}${kind.startsWith('logs') ? '/v1/logs' : '/v1/traces'}`;
  const type = kind.endsWith('JSON') ? 'application/json' : 'application/x-protobuf';
  const list = bodies[kind];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < list.length) {
        const body = list[next++] as Uint8Array<ArrayBuffer>;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
        const text = await res.text();
        if (res.status !== 200 || text.includes('rejected'))
          throw new Error(`${kind}: ${res.status} ${text}`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const s = xray.stats();
  const stored = kind.startsWith('logs') ? s.logRecords : s.otlpSpansReceived;
  await xray.stop();
  if (stored !== list.length * BATCH) throw new Error(`${kind}: stored ${stored}`);
  return (list.length * BATCH) / seconds;
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const size = (k: Kind): string =>
  `${Math.round(bodies[k].reduce((n, b) => n + b.length, 0) / bodies[k].length / 1024)} KiB`;
console.log(
  `OTLP/HTTP ingest, ${BATCHES} batches of ${BATCH} per round (${(BATCHES * BATCH).toLocaleString()} records or spans), 4 concurrent callers, ${ROUNDS} rounds, median (load average ${load()})`,
);
const kinds: Kind[] = ['logs protobuf', 'traces protobuf', 'logs JSON', 'traces JSON'];
const rates = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
await round('logs protobuf'); // warm-up: JIT, sockets
for (let r = 0; r < ROUNDS; r++) for (const k of kinds) rates.get(k)?.push(await round(k));
const m = (k: Kind): number => median(rates.get(k) ?? []);
for (const k of kinds)
  console.log(
    `  ${k.padEnd(16)} ${Math.round(m(k)).toLocaleString().padStart(9)} /s   (batch body ≈ ${size(k)})`,
  );
console.log(
  `  ratio logs/traces: protobuf ${(m('logs protobuf') / m('traces protobuf')).toFixed(2)}×, JSON ${(m('logs JSON') / m('traces JSON')).toFixed(2)}× (load average ${load()})`,
);
