// Where lean's microseconds go in the http-service bench's service (node:http, one SQS SendMessage
// per request): two setups of the service run at the same time, each loaded at the same fixed
// request rate, and each reports its own CPU time per request. Running the pair at once makes the
// shared machine's drift (±15 % within minutes) hit both alike, so their difference is steadier
// than between variants run one after the other. Each stage is a pair of its own (the setup with
// the stage against the one without): hooks, context and propagation (sampler always_off: nothing
// recorded), span recording and batching (a no-op exporter), translation and UDP export (our
// exporter); and each instrumentation alone (http, aws-sdk). Two more pairs hold lean against the
// peers of the http-service goals (ADOT-style, aws-xray-sdk-core) the same way: their "added" is
// what lean saves (negative), their ratio is lean's CPU capacity against the peer.
// At a fixed rate below saturation this is CPU per request, not capacity at saturation: the
// http-service bench stays the measure of the goals.
// Both services of a pair are first driven at full load for BENCH_WARMUP seconds, so that the
// rounds measure running services rather than V8 still compiling them (see http-service.bench.ts).
// A pair whose two services ended up in different GC regimes (KB promoted per request, printed
// for both; see http-service.bench.ts) measures the regime as much as the stage: BENCH_NODE_ARGS
// (e.g. `--no-allocation-site-pretenuring`) puts both in the same one.
// Env: BENCH_RATE (req/s per service, default 500), BENCH_SECONDS (default 4), BENCH_ROUNDS
// (default 8), BENCH_CONNECTIONS (default 16), BENCH_WARMUP (default 30), BENCH_PAIRS
// (comma-separated words: only the pairs whose label contains one), BENCH_NODE_ARGS (node flags
// for every service, space-separated).
import { formatSpread, spread } from './support/bench-stats.ts';
import { GC_TRACE_FLAG, promotedKbPerRequest, tallyGc } from './support/gc-tally.ts';
import {
  benchNodeArgs,
  load,
  serviceCpu,
  startService,
  startSinks,
  stopProcess,
  stopSinks,
} from './support/bench-processes.ts';

const rate = Number(process.env['BENCH_RATE'] ?? 500);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 4);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 8);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const warmup = Number(process.env['BENCH_WARMUP'] ?? 30);
const nodeArgs = benchNodeArgs();

/** A service to run: its variant and the env that takes parts away from `ours-lean`. */
interface Setup {
  variant: 'none' | 'ours-lean' | 'adot' | 'xray-sdk';
  env: Record<string, string>;
}
const none: Setup = { variant: 'none', env: {} };
const lean: Setup = { variant: 'ours-lean', env: {} };
const notRecording: Setup = { variant: 'ours-lean', env: { BENCH_SAMPLER: 'always_off' } };
const noopExporter: Setup = { variant: 'ours-lean', env: { BENCH_EXPORTER: 'noop' } };
const httpOnly: Setup = {
  variant: 'ours-lean',
  env: { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'aws-sdk' },
};
const awsSdkOnly: Setup = {
  variant: 'ours-lean',
  env: { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http,undici' },
};

const adot: Setup = { variant: 'adot', env: {} };
const xraySdk: Setup = { variant: 'xray-sdk', env: {} };

/** What a pair measures: what `setup` adds to `base`, both running at once. */
const pairs: Array<[string, Setup, Setup]> = [
  ['lean (all of it)', none, lean],
  ['hooks, context, propagation', none, notRecording],
  ['span recording and batching', notRecording, noopExporter],
  ['translation and UDP export', noopExporter, lean],
  ['http instrumentation only', none, httpOnly],
  ['aws-sdk instrumentation only', none, awsSdkOnly],
  ['lean, against ADOT-style', adot, lean],
  ['lean, against aws-xray-sdk-core', xraySdk, lean],
];
const only = process.env['BENCH_PAIRS']?.split(',');

interface Pair {
  /** µs CPU per request of the base and of the setup, per round. */
  base: number[];
  setup: number[];
  /** KB promoted to V8's old generation per request, per round: each service's GC regime. */
  basePromoted: number[];
  setupPromoted: number[];
}

const sinks = await startSinks();
const start = async (setup: Setup) => {
  const service = await startService(setup.variant, { ...sinks.env, ...setup.env }, [
    GC_TRACE_FLAG,
    ...nodeArgs,
  ]);
  return { ...service, gc: tallyGc(service.child.stdout!) };
};

async function measurePair(baseSetup: Setup, setupSetup: Setup): Promise<Pair> {
  const base = await start(baseSetup);
  const setup = await start(setupSetup);
  const pair: Pair = { base: [], setup: [], basePromoted: [], setupPromoted: [] };
  try {
    // Warm-up at full load (JIT, connection pools), a few seconds at the rate; then the pair under
    // the same load, round after round.
    await Promise.all([
      load(base.port, warmup, connections),
      load(setup.port, warmup, connections),
    ]);
    await Promise.all([
      load(base.port, 3, connections, rate),
      load(setup.port, 3, connections, rate),
    ]);
    for (let round = 0; round < rounds; round++) {
      const before = await Promise.all([serviceCpu(base.port), serviceCpu(setup.port)]);
      const promotedBefore = [base.gc.promotedBytes(), setup.gc.promotedBytes()];
      const [a, b] = await Promise.all([
        load(base.port, seconds, connections, rate),
        load(setup.port, seconds, connections, rate),
      ]);
      const after = await Promise.all([serviceCpu(base.port), serviceCpu(setup.port)]);
      const failed = a.errors + a.non2xx + b.errors + b.non2xx;
      if (failed > 0) throw new Error(`${failed} requests failed`);
      pair.base.push((after[0] - before[0]) / Math.max(1, a.requests.total));
      pair.setup.push((after[1] - before[1]) / Math.max(1, b.requests.total));
      pair.basePromoted.push(
        promotedKbPerRequest(base.gc.promotedBytes() - promotedBefore[0]!, a.requests.total),
      );
      pair.setupPromoted.push(
        promotedKbPerRequest(setup.gc.promotedBytes() - promotedBefore[1]!, b.requests.total),
      );
    }
  } finally {
    await Promise.all([stopProcess(base.child), stopProcess(setup.child)]);
  }
  return pair;
}

const results = new Map<string, Pair>();
for (const [label, base, setup] of pairs) {
  if (only !== undefined && !only.some((word) => label.includes(word))) continue;
  const pair = await measurePair(base, setup);
  results.set(label, pair);
  process.stdout.write(
    `${label}: base ${formatSpread(spread(pair.base), 0)} µs CPU/request, ` +
      `with it ${formatSpread(spread(pair.setup), 0)}; KB promoted/request: base ` +
      `${formatSpread(spread(pair.basePromoted), 1)}, with it ${formatSpread(spread(pair.setupPromoted), 1)}\n`,
  );
}
await stopSinks(sinks);

process.stdout.write(
  `\n${rounds} rounds of ${seconds}s at ${rate} req/s per service, ${connections} connections, ` +
    `after ${warmup}s of warm-up${nodeArgs.length > 0 ? `, node ${nodeArgs.join(' ')}` : ''}; ` +
    'per-round figures, median [min–max]\n' +
    'what                             added µs CPU/request   CPU capacity vs its base\n',
);
for (const [label, pair] of results) {
  const added = spread(pair.setup.map((cpu, i) => cpu - pair.base[i]!));
  const capacity = spread(pair.setup.map((cpu, i) => pair.base[i]! / cpu));
  process.stdout.write(
    `${label.padEnd(32)} ${formatSpread(added, 0).padEnd(22)} ${formatSpread(capacity, 2)}×\n`,
  );
}
