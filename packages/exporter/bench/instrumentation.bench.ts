// Cost of the http instrumentation alone: a service that answers each request after one downstream
// node:http call (support/instrumentation-service.ts: two server spans and one client span per
// request, exported nowhere), run uninstrumented, with the lean (diagnostics_channel)
// instrumentation and with @opentelemetry/instrumentation-http, interleaved over rounds. Reports
// the service's CPU µs per request and the ratios within each round (median [min–max]).
//   pnpm bench instrumentation     (BENCH_SECONDS=4, BENCH_ROUNDS=5)
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { serviceCpu } from './support/bench-processes.ts';
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const service = join(import.meta.dirname, 'support/instrumentation-service.ts');
const variants = ['none', 'lean', 'otel'];

async function start(variant: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--conditions=otel-xray-source', service, variant], {
    env: { ...process.env, OTEL_LOG_LEVEL: 'none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /PORT (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${variant} exited with ${code}`)));
  });
  return { child, port };
}

async function measure(variant: string): Promise<{ cpu: number; p99: number; rps: number }> {
  const { child, port } = await start(variant);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await autocannon({ url, connections: 16, duration: 1 }); // warm-up
    const before = await serviceCpu(port);
    const result = await autocannon({ url, connections: 16, duration: seconds });
    const used = (await serviceCpu(port)) - before;
    return {
      cpu: used / Math.max(1, result.requests.total),
      p99: result.latency.p99,
      rps: result.requests.average,
    };
  } finally {
    child.kill('SIGKILL');
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  return `${median.toFixed(2)} [${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)}]`;
}

const runs: Record<string, { cpu: number; p99: number; rps: number }[]> = {};
for (let round = 0; round < rounds; round++) {
  const order = [...variants.slice(round % 3), ...variants.slice(0, round % 3)];
  for (const variant of order) {
    const run = await measure(variant);
    (runs[variant] ??= [])[round] = run;
    process.stdout.write(
      `round ${round + 1} ${variant}: ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ${run.cpu.toFixed(0)} µs CPU/request\n`,
    );
  }
}
const ratio = (a: string, b: string): number[] =>
  runs[a]!.map((run, i) => runs[b]![i]!.cpu / run.cpu);
const extra = (a: string): number[] => runs[a]!.map((run, i) => run.cpu - runs.none![i]!.cpu);
process.stdout.write(`\n${rounds} rounds × ${seconds}s, 16 connections; median [min–max]\n`);
process.stdout.write(`lean: +${spread(extra('lean'))} µs CPU/request over none (3 spans)\n`);
process.stdout.write(`otel: +${spread(extra('otel'))} µs CPU/request over none (3 spans)\n`);
process.stdout.write(`CPU capacity lean vs none ${spread(ratio('lean', 'none'))}×\n`);
process.stdout.write(`CPU capacity otel vs none ${spread(ratio('otel', 'none'))}×\n`);
process.stdout.write(`CPU capacity lean vs otel ${spread(ratio('lean', 'otel'))}× (goal > 1)\n`);
