// The service under load: node:http, one SQS SendMessage per request. argv[2] picks the tracing
// setup, done before `http` and the SQS client are loaded (CommonJS require, so the OTel
// instrumentations patch them without an ESM loader hook). Prints `PORT <n>` when listening.
// `GET /__cpu`: CPU time so far (µs); `GET /__stats`: `/orders` requests served and the exporter's
// counters (ours, exporter), so the bench can check that every span was sent. For the `ours`
// variants, BENCH_SAMPLER (default always_on) and BENCH_EXPORTER=noop change the sampler and drop
// the spans instead of exporting them.
import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Sqs from '@aws-sdk/client-sqs';
import type * as XRaySdk from 'aws-xray-sdk-core';

const require = createRequire(import.meta.url);
const variant = process.argv[2] ?? 'none';
const sqsEndpoint = process.env['BENCH_SQS_ENDPOINT'] ?? 'http://127.0.0.1:9324';
const daemon = process.env['AWS_XRAY_DAEMON_ADDRESS'] ?? '127.0.0.1:2000';
const otlpUrl = process.env['BENCH_OTLP_URL'] ?? 'http://127.0.0.1:4318/v1/traces';

type Wrap = (req: IncomingMessage, res: ServerResponse, handle: () => void) => void;
let wrap: Wrap = (_req, _res, handle) => handle();
let wrapClient = <T>(client: T): T => client;
let exporterStats = (): object => ({});
let served = 0;

interface Counted {
  stats(): object;
}

/** An exporter that drops every span at once. */
const noopExporter = {
  export: (_spans: unknown, done: (result: { code: 0 }) => void) => done({ code: 0 }),
  shutdown: () => Promise.resolve(),
  forceFlush: () => Promise.resolve(),
};

async function setUpTracing(): Promise<void> {
  if (variant === 'ours' || variant === 'ours-lean' || variant === 'ours-otel') {
    const nodePackage = '../../../node/src/index.ts'; // a variable: the package may not exist yet
    const node = (await import(nodePackage)) as {
      startTracing: (options: object) => { exporter: Partial<Counted> };
    };
    // BENCH_SAMPLER and BENCH_EXPORTER=noop take parts away, for the http-cost bench.
    const noop = process.env['BENCH_EXPORTER'] === 'noop' ? { spanExporter: noopExporter } : {};
    const { exporter } = node.startTracing({
      serviceName: 'bench',
      sampler: process.env['BENCH_SAMPLER'] ?? 'always_on',
      handleSignals: false,
      ...noop,
      // ours-otel: @opentelemetry/instrumentation-http instead of the diagnostics_channel one.
      ...(variant === 'ours' ? {} : { instrumentation: variant === 'ours-otel' ? 'otel' : 'lean' }),
    });
    exporterStats = () => exporter.stats?.() ?? {};
  } else if (variant === 'exporter' || variant === 'otel-noop') {
    const { TracerProvider, BatchSpanProcessor, AlwaysOnSampler } =
      await import('@opentelemetry/sdk-trace');
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    const { context, propagation, trace } = await import('@opentelemetry/api');
    const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } =
      await import('@opentelemetry/core');
    const { XRaySpanExporter } = await import('../../src/index.ts');
    const { XRayIdGenerator } = await import('@otel-xray/core');
    const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
    const { AwsInstrumentation } = await import('@opentelemetry/instrumentation-aws-sdk');
    const exporter =
      variant === 'exporter' ? new XRaySpanExporter({ statsIntervalMillis: 0 }) : noopExporter;
    if (exporter instanceof XRaySpanExporter) exporterStats = () => exporter.stats();
    const provider = new TracerProvider({
      sampler: new AlwaysOnSampler(),
      idGenerator: new XRayIdGenerator(),
      spanProcessors: [new BatchSpanProcessor({ exporter: exporter })],
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(provider);
    propagation.setGlobalPropagator(
      new CompositePropagator({
        propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
      }),
    );
    new HttpInstrumentation();
    new AwsInstrumentation();
  } else if (variant === 'adot') {
    const { NodeSDK } = await import('@opentelemetry/sdk-node');
    const { AlwaysOnSampler } = await import('@opentelemetry/sdk-trace');
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
    const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
    const { AwsInstrumentation } = await import('@opentelemetry/instrumentation-aws-sdk');
    new NodeSDK({
      serviceName: 'bench',
      sampler: new AlwaysOnSampler(),
      traceExporter: new OTLPTraceExporter({ url: otlpUrl }),
      instrumentations: [new HttpInstrumentation(), new AwsInstrumentation()],
    }).start();
  } else if (variant === 'xray-sdk') {
    const AWSXRay = require('aws-xray-sdk-core') as typeof XRaySdk;
    AWSXRay.setDaemonAddress(daemon);
    AWSXRay.middleware.setDefaultName('bench');
    AWSXRay.setContextMissingStrategy('IGNORE_ERROR');
    AWSXRay.middleware.disableCentralizedSampling();
    AWSXRay.middleware.setSamplingRules({
      version: 2,
      default: { fixed_target: 0, rate: 1 },
      rules: [],
    });
    const namespace = AWSXRay.getNamespace();
    wrap = (req, res, handle) => {
      const segment = AWSXRay.middleware.traceRequestResponseCycle(req, res);
      namespace.run(() => {
        AWSXRay.setSegment(segment);
        handle();
      });
    };
    wrapClient = <T>(client: T): T => AWSXRay.captureAWSv3Client(client as never);
  }
}

await setUpTracing();
const http = require('node:http') as typeof Http;
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs') as typeof Sqs;
const sqs = wrapClient(
  new SQSClient({
    region: 'us-east-1',
    endpoint: sqsEndpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  }),
);
const queueUrl = `${sqsEndpoint}/000000000000/bench-orders`;

const server = http.createServer((req, res) => {
  if (req.url === '/__cpu') {
    // CPU time of this process so far, for CPU-per-request figures that contention does not skew.
    const { user, system } = process.cpuUsage();
    res.end(String(user + system));
    return;
  }
  if (req.url === '/__stats') {
    res.end(JSON.stringify({ served, ...exporterStats() }));
    return;
  }
  served += 1;
  wrap(req, res, () => {
    sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'order placed' })).then(
      () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
      (error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
});
