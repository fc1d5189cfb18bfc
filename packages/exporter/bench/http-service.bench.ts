// HTTP service under load (node:http + one SQS SendMessage per request), driven by autocannon from
// this process while the service runs in a child process. Variants: uninstrumented; ours
// (`startTracing` from @otel-xray/node: `ours-lean`, its default diagnostics_channel instrumentation,
// and `ours-otel`, with @opentelemetry/instrumentation-http); our exporter wired by hand;
// aws-xray-sdk-core; ADOT-style (@opentelemetry/sdk-node + OTLP/proto exporter to a local sink);
// plus `otel-noop` (see below). Goals (CPU capacity of ours-lean): ≥ 0.85× uninstrumented
// (moonshot ≥ 0.92×), ≥ 1.5× aws-xray-sdk-core, ≥ 1.3× ADOT-style.
//
// The machine is shared, so one run is noise: each round runs every variant once, back to back
// (the order rotates per round), ratios are taken within a round and reported as the median and
// range over rounds. The SQS endpoint, X-Ray daemon and OTLP collector stand-ins run in a process of
// their own (support/sink-process.ts), so their work does not slow the load generator. Next to req/s the service reports its own CPU time per request, which load
// from other processes skews far less ("CPU capacity": requests one core serves, relative).
//
// Capacity is a property of a service that has been running a while: each variant's process starts
// once and is driven at full load for BENCH_WARMUP seconds before any round. In its first seconds a
// process spends much of its CPU compiling (TurboFan on V8's worker threads, counted in its CPU time):
// with `--trace-opt`, ≈ 165 µs of compiling per request 2–7 s after start for both the uninstrumented
// service and ours-lean, and ours-lean, with more code to optimise, still ≈ 130 µs at 7–15 s
// against ≈ 33 µs, under 10 µs for both only after ≈ 25 s. The warm-up's own CPU per request is
// reported beside the rounds' (the start-up cost), and the processes stay up across the rounds.
//
// Which V8 garbage-collection regime a process ends up in is decided in its first second of traffic:
// once the young generation is ≥ 16 MB, V8 tenures ("pretenures") allocation sites whose objects
// survive scavenges, and under a burst of cold, slow requests those are the request path's own
// sites (the AWS SDK's outgoing request above all). A process that loads more code before its first
// request (ours, ADOT-style: 16 MB after start-up) is as good as certain to end up there; the small
// uninstrumented service (8 MB) escapes when started alone, but under this bench it often does
// not. In that regime a process promotes ≈ 8 KB per request to the old generation and spends
// ≈ 100 µs more CPU per request, whatever its tracing. The "promoted" column
// (from `--trace-gc-nvp`) shows each process's regime; BENCH_NODE_ARGS puts every variant in the
// same one (`--no-allocation-site-pretenuring`: none; `--min-semi-space-size=16`: all), to tell
// the regime apart from the instrumentation's own cost; see packages/node/README.md.
// Env: BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 32), BENCH_ROUNDS (default 5),
// BENCH_WARMUP (default 30), BENCH_VARIANTS (comma-separated subset), BENCH_NODE_ARGS (node flags
// for every variant's process, space-separated; default none).
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRatio, formatSpread, judgeRatio, spread } from './support/bench-stats.ts';
import { GC_TRACE_FLAG, promotedKbPerRequest, tallyGc, type GcTally } from './support/gc-tally.ts';
import {
  benchNodeArgs,
  getText,
  load,
  serviceCpu,
  startService,
  startSinks,
  stopProcess,
  stopSinks,
} from './support/bench-processes.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const warmup = Number(process.env['BENCH_WARMUP'] ?? 30);
const nodeArgs = benchNodeArgs();
const here = import.meta.dirname;

interface Outcome {
  variant: string;
  round: number;
  requests: number;
  /** Service CPU time per request in µs (user + system), robust to load from other processes. */
  cpuPerRequest: number;
  p99: number;
  errors: number;
  /** Exported documents per request (from the exporter's counters; NaN for other variants). */
  docsPerRequest: number;
  /** Documents the exporter lost (dropped, failed, untranslatable). */
  lost: number;
  /** KB promoted to V8's old generation per request: the process's GC regime. */
  promotedPerRequest: number;
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

interface ServiceStats {
  served: number;
  documentsSent?: number;
  documentsFailed?: number;
  documentsDroppedQueueFull?: number;
  documentsDroppedTooLarge?: number;
  documentsDroppedShutdown?: number;
  translateErrors?: number;
}

const sinks = await startSinks();

/** A variant's service, started once and kept up across the rounds. */
interface Running {
  child: ChildProcess;
  port: number;
  /** µs CPU per request over the warm-up (JIT compiling included). */
  warmupCpu: number;
  gc: GcTally;
}

/** Starts `variant` and drives it at full load for `warmup` seconds. */
async function startWarm(variant: string): Promise<Running> {
  const { child, port } = await startService(variant, sinks.env, [GC_TRACE_FLAG, ...nodeArgs]);
  const gc = tallyGc(child.stdout!);
  const cpuBefore = await serviceCpu(port);
  const result = await load(port, warmup, connections);
  const warmupCpu = ((await serviceCpu(port)) - cpuBefore) / Math.max(1, result.requests.total);
  return { child, port, warmupCpu, gc };
}

async function measure(variant: string, service: Running, round: number): Promise<Outcome> {
  const { port } = service;
  await load(port, 1, connections); // back from idle: connection pools, a young generation
  await new Promise((resolve) => setTimeout(resolve, 500)); // that second's batches leave
  const cpuBefore = await serviceCpu(port);
  const promotedBefore = service.gc.promotedBytes();
  const statsBefore = JSON.parse(await getText(port, '/__stats')) as ServiceStats;
  const result = await load(port, seconds, connections);
  const cpu = (await serviceCpu(port)) - cpuBefore;
  const promoted = service.gc.promotedBytes() - promotedBefore;
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let batches drain
  const stats = JSON.parse(await getText(port, '/__stats')) as ServiceStats;
  const served = stats.served - statsBefore.served;
  const count = (key: keyof ServiceStats): number =>
    (stats[key] ?? Number.NaN) - (statsBefore[key] ?? Number.NaN);
  const lost =
    count('documentsFailed') +
    count('documentsDroppedQueueFull') +
    count('documentsDroppedTooLarge') +
    count('documentsDroppedShutdown') +
    count('translateErrors');
  return {
    variant,
    round,
    requests: result.requests.average,
    cpuPerRequest: cpu / Math.max(1, result.requests.total),
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    docsPerRequest: count('documentsSent') / Math.max(1, served),
    lost,
    promotedPerRequest: promotedKbPerRequest(promoted, result.requests.total),
  };
}

// otel-noop: the same OTel setup as `exporter` with an exporter that does nothing — separates the
// instrumentation's cost from the exporter's.
const variants = ['none', 'ours-lean', 'ours-otel', 'exporter', 'otel-noop', 'xray-sdk', 'adot'];
const only = process.env['BENCH_VARIANTS']?.split(',');
const active = variants
  .filter((variant) => only === undefined || only.includes(variant))
  .filter((variant) => !variant.startsWith('ours') || nodeHasStartTracing());
if (!nodeHasStartTracing()) {
  process.stdout.write('ours (startTracing): skipped — @otel-xray/node has no startTracing yet\n');
}
const services = new Map<string, Running>();
const runs: Outcome[] = [];
try {
  for (const variant of active) {
    const service = await startWarm(variant);
    services.set(variant, service);
    process.stdout.write(
      `warm-up ${variant}: ${warmup}s at full load, ${service.warmupCpu.toFixed(0)} µs CPU/request\n`,
    );
  }
  for (let round = 1; round <= rounds; round++) {
    // Rotate the order so that no variant always runs first (cold machine) or last.
    const shift = (round - 1) % active.length;
    for (const variant of [...active.slice(shift), ...active.slice(0, shift)]) {
      const run = await measure(variant, services.get(variant)!, round);
      runs.push(run);
      process.stdout.write(
        `round ${round} ${variant}: ${run.requests.toFixed(0)} req/s, p99 ${run.p99} ms, ` +
          `${run.cpuPerRequest.toFixed(0)} µs CPU/request, ` +
          `${run.promotedPerRequest.toFixed(1)} KB promoted/request` +
          (Number.isNaN(run.docsPerRequest)
            ? '\n'
            : `, ${run.docsPerRequest.toFixed(2)} documents/request, ${run.lost} lost\n`),
      );
    }
  }
} finally {
  await Promise.all([...services.values()].map((service) => stopProcess(service.child)));
}
await stopSinks(sinks);

const of = (variant: string): Outcome[] => runs.filter((run) => run.variant === variant);
process.stdout.write(
  `\n${rounds} rounds, ${seconds}s × ${connections} connections per run, after ${warmup}s of ` +
    `warm-up${nodeArgs.length > 0 ? `, node ${nodeArgs.join(' ')}` : ''}; median [min–max]\n`,
);
process.stdout.write(
  'variant    req/s                p99 ms           µs CPU/request    errors  docs/req  lost' +
    '  warm-up µs CPU/req  promoted KB/req\n',
);
for (const variant of active) {
  const mine = of(variant);
  const docs = spread(mine.map((run) => run.docsPerRequest));
  process.stdout.write(
    `${variant.padEnd(9)} ${formatSpread(spread(mine.map((r) => r.requests)), 0).padEnd(20)} ` +
      `${formatSpread(spread(mine.map((r) => r.p99)), 0).padEnd(16)} ` +
      `${formatSpread(spread(mine.map((r) => r.cpuPerRequest)), 0).padEnd(17)} ` +
      `${String(mine.reduce((sum, r) => sum + r.errors, 0)).padStart(6)}  ` +
      `${Number.isNaN(docs.median) ? '   -' : docs.median.toFixed(2).padStart(8)}  ` +
      `${(Number.isNaN(docs.median) ? '-' : String(mine.reduce((sum, r) => sum + r.lost, 0))).padEnd(4)}  ` +
      `${(services.get(variant)?.warmupCpu.toFixed(0) ?? '-').padEnd(18)}  ` +
      `${formatSpread(spread(mine.map((r) => r.promotedPerRequest)), 1)}\n`,
  );
}

/** Per-round ratios of `name` against `other` (req/s ours/other; CPU capacity other/ours). */
function ratios(name: string, other: string): { rps: number[]; cpu: number[] } {
  const rps: number[] = [];
  const cpu: number[] = [];
  for (const run of of(name)) {
    const peer = of(other).find((candidate) => candidate.round === run.round);
    if (peer === undefined) continue;
    rps.push(run.requests / peer.requests);
    cpu.push(peer.cpuPerRequest / run.cpuPerRequest);
  }
  return { rps, cpu };
}

process.stdout.write('\nratios within each round, median [min–max] over rounds:\n');
const mine = active.includes('ours-lean') ? 'ours-lean' : 'exporter';
// [peer, label, goal for CPU capacity, moonshot]
const goals: [string, string, number, number | undefined][] = [
  ['none', 'uninstrumented', 0.85, 0.92],
  ['xray-sdk', 'aws-xray-sdk-core', 1.5, undefined],
  ['adot', 'ADOT-style', 1.3, undefined],
  ['ours-otel', 'ours-otel (instrumentation-http)', 1.0, undefined],
];
for (const name of new Set([mine, 'ours-otel', 'exporter'])) {
  if (!active.includes(name)) continue;
  for (const [other, label, goal] of goals) {
    if (!active.includes(other) || other === name) continue;
    const { rps, cpu } = ratios(name, other);
    process.stdout.write(
      `${name} vs ${label}: req/s ${formatSpread(spread(rps), 2)}×; ` +
        `CPU capacity ${judgeRatio(spread(cpu), goal)}\n`,
    );
  }
}
process.stdout.write(`\ngoals (${mine}, CPU capacity, median):\n`);
for (const [other, label, goal, moonshot] of goals.slice(0, 3)) {
  if (!active.includes(other) || !active.includes(mine)) continue;
  const median = spread(ratios(mine, other).cpu).median;
  const p99 = spread(of(mine).map((r) => r.p99)).median;
  const peerP99 = spread(of(other).map((r) => r.p99)).median;
  process.stdout.write(
    `  vs ${label.padEnd(18)} ${formatRatio(median, goal)}× (goal ≥ ${goal}×${moonshot ? `, moonshot ≥ ${moonshot}×` : ''}) ` +
      `${median >= goal ? 'met' : 'NOT met'}${moonshot && median >= moonshot ? ', moonshot met' : ''}; ` +
      `p99 ${p99} ms vs ${peerP99} ms\n`,
  );
}
