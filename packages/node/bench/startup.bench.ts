// Start-up cost of `node --import @otel-xray/node/register` beside
// `@opentelemetry/auto-instrumentations-node/register` and bare `node`, in one run: each variant
// starts the same small HTTP server (fixtures/startup-app.mjs) and is timed from spawn to its
// `ready` line. Rounds interleave the variants, so a busy moment hits all of them; the first round
// warms the file cache and is not counted. Ours runs from dist/bundle/ (built and bundled first), as users install it.
//   node --conditions=otel-xray-source packages/node/bench/startup.bench.ts   (STARTUP_ROUNDS=10)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..', '..');
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 10);
const GOAL = 0.25;
const app = join(import.meta.dirname, 'fixtures', 'startup-app.mjs');
const fromNode = createRequire(join(import.meta.dirname, '..', 'package.json'));

for (const step of [
  [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  [join(root, 'scripts/bundle-node.ts')],
]) {
  const built = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`build step failed: ${step.join(' ')}`);
}

const variants: Record<string, string[]> = {
  bare: [app],
  ours: ['--import', pathToFileURL(join(root, 'packages/node/dist/bundle/register.js')).href, app],
  'auto-instrumentations-node': [
    '--import',
    pathToFileURL(fromNode.resolve('@opentelemetry/auto-instrumentations-node/register')).href,
    app,
  ],
};
const env: NodeJS.ProcessEnv = {
  ...process.env,
  OTEL_SERVICE_NAME: 'startup-bench',
  OTEL_LOG_LEVEL: 'error',
};
delete env.NODE_OPTIONS;

/** Milliseconds from spawn to the app's `ready` line; the process is killed then. */
function startOnce(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (!d.toString().includes('ready')) return;
      resolve(performance.now() - started);
      child.kill('SIGKILL');
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ready\n${err}`)));
  });
}

const times: Record<string, number[]> = Object.fromEntries(
  Object.keys(variants).map((k) => [k, []]),
);
for (let round = 0; round <= ROUNDS; round++) {
  for (const [name, args] of Object.entries(variants)) {
    const ms = await startOnce(args);
    if (round > 0) times[name]!.push(ms);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const bare = m.bare!;
process.stdout.write(
  `start-up to first request, median of ${ROUNDS} interleaved rounds (min–max)\n`,
);
for (const [name, xs] of Object.entries(times)) {
  const extra = name === 'bare' ? '' : `   +${(m[name]! - bare).toFixed(0)} ms over bare`;
  process.stdout.write(
    `  ${name.padEnd(28)} ${m[name]!.toFixed(0).padStart(5)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})${extra}\n`,
  );
}
const ratio = (m.ours! - bare) / (m['auto-instrumentations-node']! - bare);
process.stdout.write(
  `ours / auto-instrumentations-node, cost above bare node: ${ratio.toFixed(2)}× ` +
    `(goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'not met'})\n`,
);
