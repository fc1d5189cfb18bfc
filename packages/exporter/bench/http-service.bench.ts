// HTTP service under load (node:http + one SQS SendMessage per request), driven by autocannon from
// this process while the service runs in a child process. Variants: uninstrumented; ours
// (`startTracing` from @otel-xray/node); our exporter wired by hand; aws-xray-sdk-core; ADOT-style
// (@opentelemetry/sdk-node + OTLP/proto exporter to a local sink); plus `otel-noop` (see below). Goal: ours ≥ 0.85× uninstrumented
// req/s and ≥ 1.1× aws-xray-sdk-core. Env: BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 32),
// BENCH_ROUNDS (default 3), BENCH_VARIANTS (comma-separated subset).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startOtlpSink, startSqsSink, startUdpSink } from './support/bench-sinks.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const here = import.meta.dirname;

interface Outcome {
  variant: string;
  requests: number;
  /** Service CPU time per request in µs (user + system), robust to load from other processes. */
  cpuPerRequest: number;
  p99: number;
  errors: number;
  exported: string;
}

function nodeHasStartTracing(): boolean {
  const index = join(here, '../../node/src/index.ts');
  return (
    existsSync(index) &&
    /export\s*\{[^}]*\bstartTracing\b|export\s+(async\s+)?function\s+startTracing/.test(
      readFileSync(index, 'utf8'),
    )
  );
}

function startService(
  variant: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', join(here, 'support/bench-service.ts'), variant],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`service ${variant} exited with ${code}`)));
  });
}

async function load(port: number, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}/orders`, connections, duration });
}

async function cpuMicros(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/__cpu`);
  return Number(await response.text());
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000); // a variant that ignores SIGTERM
  await exited;
  clearTimeout(timer);
}

const sqs = await startSqsSink();
const udp = await startUdpSink();
const otlp = await startOtlpSink();
const env = {
  BENCH_SQS_ENDPOINT: `http://127.0.0.1:${sqs.port}`,
  BENCH_OTLP_URL: `http://127.0.0.1:${otlp.port}/v1/traces`,
  AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udp.port}`,
  AWS_REGION: 'us-east-1',
  OTEL_LOG_LEVEL: 'none',
};

// otel-noop: the same OTel setup as `exporter` with an exporter that does nothing — separates the
// instrumentation's cost from the exporter's.
const variants = ['none', 'ours', 'exporter', 'otel-noop', 'xray-sdk', 'adot'];
const runs: Outcome[] = [];
const only = process.env['BENCH_VARIANTS']?.split(',');
const active = variants
  .filter((variant) => only === undefined || only.includes(variant))
  .filter((variant) => variant !== 'ours' || nodeHasStartTracing());
if (!nodeHasStartTracing()) {
  process.stdout.write('ours (startTracing): skipped — @otel-xray/node has no startTracing yet\n');
}
// Rounds interleave the variants so that load from other processes spreads over all of them.
for (let round = 1; round <= rounds; round++) {
  for (const variant of active) {
    const { child, port } = await startService(variant, env);
    try {
      await load(port, 2); // warm-up: JIT, connection pools
      for (const sink of [sqs, udp, otlp]) sink.reset();
      const cpuBefore = await cpuMicros(port);
      const result = await load(port, seconds);
      const cpu = (await cpuMicros(port)) - cpuBefore;
      await new Promise((resolve) => setTimeout(resolve, 1500)); // let batches drain
      runs.push({
        variant,
        requests: result.requests.average,
        cpuPerRequest: cpu / Math.max(1, result.requests.total),
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
        exported: `sqs=${sqs.count()} udp=${udp.count()} otlp-requests=${otlp.count()}`,
      });
      process.stdout.write(
        `round ${round} ${variant}: ${result.requests.average.toFixed(0)} req/s, ` +
          `p99 ${result.latency.p99} ms, ${(cpu / Math.max(1, result.requests.total)).toFixed(0)} µs CPU/request\n`,
      );
    } finally {
      await stop(child);
    }
  }
}
/** The run with the median req/s of each variant. */
const outcomes: Outcome[] = active.map((variant) => {
  const mine = runs
    .filter((run) => run.variant === variant)
    .sort((a, b) => a.requests - b.requests);
  return mine[Math.floor((mine.length - 1) / 2)]!;
});
await Promise.all([sqs.close(), udp.close(), otlp.close()]);

const by = (name: string) => outcomes.find((o) => o.variant === name);
process.stdout.write(
  `\nmedian of ${rounds} rounds, ${seconds}s × ${connections} connections per run\n`,
);
process.stdout.write('variant    req/s    p99 ms  µs CPU/req  errors  received\n');
for (const o of outcomes) {
  process.stdout.write(
    `${o.variant.padEnd(9)} ${o.requests.toFixed(0).padStart(7)} ${String(o.p99).padStart(8)} ` +
      `${o.cpuPerRequest.toFixed(0).padStart(10)} ${String(o.errors).padStart(7)}  ${o.exported}\n`,
  );
}
const base = by('none');
const peer = by('xray-sdk');
for (const name of ['ours', 'exporter']) {
  const ours = by(name);
  if (!ours || !base || !peer) continue;
  const vsBase = ours.requests / base.requests;
  const vsPeer = ours.requests / peer.requests;
  // Capacity from CPU: requests one core serves, relative (cpu per request of the other / ours).
  const cpuBase = base.cpuPerRequest / ours.cpuPerRequest;
  const cpuPeer = peer.cpuPerRequest / ours.cpuPerRequest;
  const mark = (value: number, goal: number) =>
    `${value.toFixed(2)}× ${value >= goal ? 'ok' : 'MISSED'}`;
  process.stdout.write(
    `${name}: req/s ${mark(vsBase, 0.85)} of uninstrumented, ${mark(vsPeer, 1.1)} of aws-xray-sdk-core; ` +
      `CPU capacity ${mark(cpuBase, 0.85)} of uninstrumented, ${mark(cpuPeer, 1.1)} of aws-xray-sdk-core\n`,
  );
}
const adot = by('adot');
const mine = by('ours') ?? by('exporter');
if (adot && mine)
  process.stdout.write(
    `${mine.variant} vs ADOT-style: ${(mine.requests / adot.requests).toFixed(2)}×\n`,
  );
