// Bytes allocated per request by the http-service bench's service (node:http + one SQS SendMessage
// per request), per variant, and where: the AWS SDK, Node's own modules, the OpenTelemetry packages,
// ours. Allocation volume does not move with the machine's load the way CPU time does, so this
// measures the per-span path's garbage — the GC cost of tracing — steadily where the CPU figures of
// `pnpm bench http-service` swing by ±15 % (two runs of the same variant: within ±4 %).
//
// Each variant runs once: 2 s of warm-up load, then V8's sampling heap profiler (garbage included,
// support/allocation-sampling.ts) over BENCH_SECONDS (default 5) of load with 32 connections. The
// profile's sampled bytes are summed by the script of the allocating function (a built-in's bytes go
// to its nearest caller with a script).
// Env: BENCH_SECONDS, BENCH_VARIANTS (comma-separated subset of none, ours-lean, ours-otel, xray-sdk,
// adot).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getText,
  load,
  startService,
  startSinks,
  stopProcess,
  stopSinks,
} from './support/bench-processes.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const variants = ['none', 'ours-lean', 'ours-otel', 'xray-sdk', 'adot'].filter(
  (variant) =>
    process.env['BENCH_VARIANTS'] === undefined ||
    process.env['BENCH_VARIANTS'].split(',').includes(variant),
);
const preload = join(import.meta.dirname, 'support/allocation-sampling.ts');
const work = mkdtempSync(join(tmpdir(), 'otel-xray-allocations-'));

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children: ProfileNode[];
}
interface HeapProfile {
  head: ProfileNode;
  samples: Array<{ size: number; nodeId: number }>;
}

/** The part of the process a script belongs to. */
function owner(url: string): string {
  const ours = /packages\/(core|exporter|propagation|node|sampler)\/src\//.exec(url);
  if (ours) return `@otel-xray/${ours[1]}`;
  if (/@opentelemetry[+/]/.test(url)) return 'OpenTelemetry packages';
  if (/@smithy[+/]|@aws-sdk[+/]|@aws-crypto[+/]/.test(url)) return 'AWS SDK';
  if (/aws-xray-sdk/.test(url)) return 'aws-xray-sdk-core';
  if (url.startsWith('node:')) return "Node's modules";
  return url === '' ? 'V8 and native code' : 'other';
}

/**
 * Bytes per request by owner, and the total. A built-in (Object.entries, new WeakSet, …) has no
 * script: its bytes go to the nearest caller that has one.
 */
function summarize(profile: HeapProfile, requests: number): Map<string, number> {
  const owners = new Map<number, string>();
  const visit = (node: ProfileNode, inherited: string): void => {
    const own = node.callFrame.url === '' ? inherited : owner(node.callFrame.url);
    owners.set(node.id, own);
    for (const child of node.children) visit(child, own);
  };
  visit(profile.head, 'V8 and native code');
  const bytes = new Map<string, number>([['total', 0]]);
  for (const sample of profile.samples) {
    const key = owners.get(sample.nodeId) ?? 'other';
    bytes.set(key, (bytes.get(key) ?? 0) + sample.size / requests);
    bytes.set('total', (bytes.get('total') ?? 0) + sample.size / requests);
  }
  return bytes;
}

async function measure(variant: string, env: Record<string, string>): Promise<Map<string, number>> {
  const file = join(work, `${variant}.heapprofile`);
  const { child, port } = await startService(variant, { ...env, ALLOCATION_PROFILE: file }, [
    '--import',
    preload,
  ]);
  try {
    await load(port, 2, 32); // warm-up: JIT, connection pools
    const before = JSON.parse(await getText(port, '/__stats')) as { served: number };
    child.kill('SIGUSR2');
    await load(port, seconds, 32);
    const after = JSON.parse(await getText(port, '/__stats')) as { served: number };
    await new Promise((resolve) => setTimeout(resolve, 500)); // the last batches leave
    await stopProcess(child);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as HeapProfile;
    return summarize(profile, Math.max(1, after.served - before.served));
  } finally {
    await stopProcess(child);
  }
}

const sinks = await startSinks();
const results = new Map<string, Map<string, number>>();
try {
  for (const variant of variants) results.set(variant, await measure(variant, sinks.env));
} finally {
  await stopSinks(sinks);
  rmSync(work, { recursive: true, force: true });
}

const owners = [...new Set([...results.values()].flatMap((bytes) => [...bytes.keys()]))].filter(
  (key) => key !== 'total',
);
const kb = (value: number | undefined): string => ((value ?? 0) / 1024).toFixed(1).padStart(9);
process.stdout.write(
  `\nKB allocated per request (sampled every 4 KB, garbage included; ${seconds} s of load)\n`,
);
process.stdout.write(`${''.padEnd(40)}${variants.map((v) => v.padStart(9)).join(' ')}\n`);
for (const key of ['total', ...owners.sort()]) {
  process.stdout.write(
    `${key.padEnd(40)}${variants.map((v) => kb(results.get(v)?.get(key))).join(' ')}\n`,
  );
}
const total = (variant: string): number => results.get(variant)?.get('total') ?? Number.NaN;
if (variants.includes('none'))
  process.stdout.write('\nabove the uninstrumented service, per request:\n');
for (const variant of variants.includes('none') ? variants.filter((v) => v !== 'none') : []) {
  process.stdout.write(
    `  ${variant.padEnd(10)} +${((total(variant) - total('none')) / 1024).toFixed(1)} KB\n`,
  );
}
