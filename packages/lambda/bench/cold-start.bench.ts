// Cold start and per-invocation cost of a minimal Lambda function, side by side in one run:
//   untraced            the function alone
//   ours                the same function wrapped with withTracing (from dist/bundle/, as users install it)
//   ours (register)     the unchanged function with NODE_OPTIONS=--import @otel-xray/lambda/register
//   auto-instr. register  the unchanged function with --require @opentelemetry/auto-instrumentations-node/register
//                       and OTLP to the sink, as the issue names it: it loads everything but records
//                       nothing here (the runtime client import()s the handler, which require hooks
//                       never see) — the lighter of the two, so the goal is checked against it too
//   auto-instr. + OTLP  the unchanged function with every @opentelemetry/auto-instrumentations-node
//                       instrumentation and OTLP/HTTP to a local sink: the ADOT-layer style —
//                       support/adot-style-init.mjs (--import) is what `auto-instrumentations-node/register`
//                       does, plus what the layer's wrapper adds so the aws-lambda instrumentation
//                       flushes per invocation (register alone never flushes: its spans wait for the
//                       5 s batch timer and die with the frozen environment); OpenTelemetry's ESM loader
//                       hook lets it wrap the ES-module handler, which the runtime client import()s
// Each runs under the real runtime client (aws-lambda-ric) through the local Lambda Runtime API of
// @otel-xray/testing, Active tracing, everything sent to sinks on 127.0.0.1. Rounds interleave the
// variants so a busy moment hits all of them; round 0 warms the file cache and is not counted.
// Cold start = invoke() on a fresh function → its first response (process spawn, runtime client
// init, handler load, the invocation and its flush). Per invocation = the runner's event-delivered →
// response, measured around invoke(), of WARM warm invocations (frozen between them, as Lambda does;
// the runner's own share is the same for every variant, so the differences are the tracing).
//   pnpm bench cold-start          (COLD_ROUNDS=10, COLD_WARM=20)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalFunction, type LocalFunctionConfig } from '@otel-xray/testing';
import { startSinks } from './support/sinks.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const ROUNDS = Number(process.env.COLD_ROUNDS ?? 10);
const WARM = Number(process.env.COLD_WARM ?? 20);
const fixtures = join(import.meta.dirname, 'fixtures');
const fromHere = createRequire(join(import.meta.dirname, '..', 'package.json'));

for (const step of [
  [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  [join(root, 'scripts/bundle-lambda.ts')],
]) {
  const built = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`build step failed: ${step.join(' ')}`);
}

const sinks = await startSinks();
const baseEnv = { OTEL_SERVICE_NAME: 'bench-fn', OTEL_LOG_LEVEL: 'error' };
const otlpEnv = {
  OTEL_TRACES_EXPORTER: 'otlp',
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
  OTEL_EXPORTER_OTLP_ENDPOINT: sinks.otlpEndpoint,
  OTEL_METRICS_EXPORTER: 'none',
  OTEL_LOGS_EXPORTER: 'none',
  OTEL_PROPAGATORS: 'tracecontext,baggage,xray',
  // Detectors that stay on this machine: the aws/gcp ones would call metadata endpoints.
  OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os,process',
};
const variants: Record<string, Omit<LocalFunctionConfig, 'name' | 'handler' | 'daemonAddress'>> = {
  untraced: { taskRoot: join(fixtures, 'plain'), environment: baseEnv },
  ours: { taskRoot: join(fixtures, 'ours'), environment: baseEnv },
  'ours (register)': {
    taskRoot: join(fixtures, 'plain'),
    environment: baseEnv,
    nodeArgs: [
      '--import',
      pathToFileURL(join(root, 'packages/lambda/dist/bundle/register.js')).href,
    ],
  },
  'auto-instr. register': {
    taskRoot: join(fixtures, 'plain'),
    nodeArgs: ['--require', fromHere.resolve('@opentelemetry/auto-instrumentations-node/register')],
    environment: { ...baseEnv, ...otlpEnv },
  },
  'auto-instr. + OTLP': {
    taskRoot: join(fixtures, 'plain'),
    nodeArgs: [
      '--experimental-loader',
      pathToFileURL(
        createRequire(fromHere.resolve('@opentelemetry/auto-instrumentations-node')).resolve(
          '@opentelemetry/instrumentation/hook.mjs',
        ),
      ).href,
      '--import',
      pathToFileURL(join(import.meta.dirname, 'support/adot-style-init.mjs')).href,
    ],
    environment: { ...baseEnv, ...otlpEnv },
  },
};

interface Sample {
  cold: number[];
  init: number[];
  warm: number[];
  datagrams: number;
  otlp: number;
  invocations: number;
}
const samples: Record<string, Sample> = Object.fromEntries(
  Object.keys(variants).map((k) => [
    k,
    { cold: [], init: [], warm: [], datagrams: 0, otlp: 0, invocations: 0 },
  ]),
);

async function runVariant(name: string, counted: boolean): Promise<void> {
  const fn = startLocalFunction({
    name: `bench-${name.replace(/[^a-z]+/g, '-')}`,
    handler: 'index.handler',
    daemonAddress: sinks.daemonAddress,
    timeoutSeconds: 30,
    initTimeoutMs: 30_000,
    ...variants[name]!,
  });
  const before = { ...sinks.counts };
  try {
    const started = performance.now();
    const first = await fn.invoke({ n: 0 });
    const cold = performance.now() - started;
    if (first.functionError) throw new Error(`${name}: ${first.errorType}: ${first.errorMessage}`);
    const warm: number[] = [];
    for (let i = 1; i <= WARM; i++) {
      const t0 = performance.now();
      const result = await fn.invoke({ n: i });
      warm.push(performance.now() - t0);
      if (result.functionError) throw new Error(`${name}: ${result.errorType}`);
    }
    await fn.flush();
    if (!counted) return;
    const s = samples[name]!;
    s.cold.push(cold);
    if (first.initDurationMs !== undefined) s.init.push(first.initDurationMs);
    s.warm.push(...warm);
    s.invocations += WARM + 1;
  } finally {
    await fn.stop();
    // Late datagrams/requests of this variant land before the next one starts, almost always.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (counted) {
      samples[name]!.datagrams += sinks.counts.datagrams - before.datagrams;
      samples[name]!.otlp += sinks.counts.otlpRequests - before.otlpRequests;
    }
  }
}

for (let round = 0; round <= ROUNDS; round++)
  for (const name of Object.keys(variants)) await runVariant(name, round > 0);
await sinks.close();

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const range = (xs: number[]): string =>
  `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const out = (line: string): boolean => process.stdout.write(`${line}\n`);

const signed = (ms: number, digits = 0): string =>
  `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(digits)}`;
const bareCold = median(samples.untraced!.cold);
const bareWarm = median(samples.untraced!.warm);
out(
  `cold start (fresh function → first response), median of ${ROUNDS} interleaved rounds (min–max)`,
);
out(`per invocation: invoke() → response, median of ${ROUNDS}×${WARM} warm invocations`);
out('');
out(
  `${'variant'.padEnd(20)} ${'cold ms'.padStart(8)} ${'range'.padStart(11)} ${'added'.padStart(7)}` +
    ` ${'init ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'added'.padStart(7)}  telemetry per invocation`,
);
for (const [name, s] of Object.entries(samples)) {
  const cold = median(s.cold);
  const warm = median(s.warm);
  out(
    `${name.padEnd(20)} ${cold.toFixed(0).padStart(8)} ${range(s.cold).padStart(11)} ` +
      `${(name === 'untraced' ? '' : signed(cold - bareCold)).padStart(7)} ` +
      `${median(s.init).toFixed(0).padStart(8)} ${warm.toFixed(2).padStart(8)} ` +
      `${(name === 'untraced' ? '' : signed(warm - bareWarm, 2)).padStart(7)}  ` +
      `${(s.datagrams / s.invocations).toFixed(1)} datagrams, ${(s.otlp / s.invocations).toFixed(2)} OTLP requests`,
  );
}
out('');
for (const who of ['ours', 'ours (register)']) {
  const ours = median(samples[who]!.cold) - bareCold;
  for (const peer of ['auto-instr. register', 'auto-instr. + OTLP']) {
    const adot = median(samples[peer]!.cold) - bareCold;
    out(
      `added cold start: ${who} ${signed(ours)} ms vs ${peer} ${signed(adot)} ms = ` +
        `${(ours / adot).toFixed(2)} of it (goal ≤ 0.33: ${ours <= adot / 3 ? 'met' : 'NOT met'})`,
    );
  }
  out(
    `${who} over untraced: ${signed(ours)} ms (goal ≤ 150 ms: ${ours <= 150 ? 'met' : 'NOT met'})`,
  );
}
out(
  '(the untraced row has datagrams too: the runner sends the Lambda service segments with Active tracing)',
);
