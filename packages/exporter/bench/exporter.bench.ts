// Export path cost, in process: XRaySpanExporter (translate + fit + one UDP datagram per document)
// vs the OTel OTLP/protobuf exporter (serialise + HTTP POST), each to a local sink, same spans,
// batches of 512 like BatchSpanProcessor. Prints µs per span and the throughput ratio ours/peer.
import { SpanKind } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { XRaySpanExporter } from '../src/index.ts';
import { makeSpan } from '../../core/test/support/span-factory.ts';
import { startOtlpSink, startUdpSink } from './support/bench-sinks.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 200);
const BATCH = 512;

const spans: ReadableSpan[] = Array.from({ length: BATCH }, (_, i) => {
  const client = i % 2 === 1;
  return makeSpan({
    name: client ? 'SQS.SendMessage' : 'GET /orders',
    kind: client ? SpanKind.CLIENT : SpanKind.SERVER,
    spanId: (i + 1).toString(16).padStart(16, 'a'),
    ...(client && { parentSpanId: 'aaaaaaaaaaaaaaa1' }),
    attributes: client
      ? {
          'rpc.system': 'aws-api',
          'rpc.service': 'SQS',
          'rpc.method': 'SendMessage',
          'aws.region': 'us-east-1',
        }
      : {
          'http.request.method': 'GET',
          'url.full': 'http://orders.local/orders/42',
          'http.response.status_code': 200,
        },
  });
});

async function measure(exporter: SpanExporter): Promise<number> {
  const once = () => new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) await once();
  const micros = ((performance.now() - start) * 1000) / (ROUNDS * BATCH);
  await exporter.shutdown();
  return micros;
}

const udp = await startUdpSink();
const otlp = await startOtlpSink();
const ours = await measure(
  new XRaySpanExporter({ daemonAddress: `127.0.0.1:${udp.port}`, statsIntervalMillis: 0 }),
);
const peer = await measure(
  new OTLPTraceExporter({ url: `http://127.0.0.1:${otlp.port}/v1/traces` }),
);
await Promise.all([udp.close(), otlp.close()]);

process.stdout.write(`XRaySpanExporter (udp)        ${ours.toFixed(1)} µs/span\n`);
process.stdout.write(`OTLPTraceExporter (proto/http) ${peer.toFixed(1)} µs/span\n`);
process.stdout.write(`ratio ours/peer (throughput): ${(peer / ours).toFixed(2)}×\n`);
