// Memory under a UDP flood: starts the CLI (`otel-xray-local --port 0 --max-traces 1000`) as a
// child process, floods its daemon port on 127.0.0.1 from sender threads at the highest rate they
// reach for a bounded time, samples the child's RSS from /proc, waits for the queue to drain and
// prints peak RSS with what was sent, read, dropped and stored (from /_local/stats).
//
//   node --conditions=otel-xray-source packages/local/bench/udp-flood-memory.ts
//
// Env: FLOOD_SIZES=8192,2048 (bytes per datagram, one run each), FLOOD_SECONDS=20,
// FLOOD_SENDERS=2 (threads), FLOOD_ARGS="--max-queue-bytes 67108864" (extra CLI arguments).
// Linux only (/proc). Run it on an otherwise quiet machine: it keeps every core busy.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { FloodSenderData, FloodSenderResult } from './udp-flood-sender.ts';

const SIZES = (process.env.FLOOD_SIZES ?? '8192,2048').split(',').map(Number);
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 20);
const SENDERS = Number(process.env.FLOOD_SENDERS ?? 2);
const EXTRA = (process.env.FLOOD_ARGS ?? '').split(' ').filter((a) => a !== '');
const NODE_ARGS = (process.env.FLOOD_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
const SAMPLE_MS = 100;
const DRAIN_LIMIT_MS = 120_000;
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

interface Stats {
  datagramsReceived: number;
  datagramsRejected: number;
  datagramsDropped: number;
  queuedBytes: number;
  documentsAccepted: number;
  documentsRejected: number;
  tracesStored: number;
}

/** A field of /proc/<pid>/status in MB (`VmRSS`, `VmHWM`); 0 once the process is gone. */
function procStatusMb(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

/** Kernel UDP receive-buffer drops so far (machine-wide). */
function kernelDrops(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('Udp:'));
  const names = (lines[0] ?? '').split(/\s+/);
  const values = (lines[1] ?? '').split(/\s+/).map(Number);
  return values[names.indexOf('RcvbufErrors')] ?? 0;
}

/** Starts the CLI; resolves with the child, its port and the lines it writes to stderr. */
async function startCli(): Promise<{ child: ChildProcess; port: number; warnings: string[] }> {
  const args = [
    ...NODE_ARGS,
    '--conditions=otel-xray-source',
    cli,
    '--port',
    '0',
    '--max-traces',
    '1000',
    ...EXTRA,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const warnings: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => warnings.push(line));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /daemon \(UDP\)\s+\S+:(\d+)/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}): ${warnings.join('\n')}`)));
  });
  return { child, port, warnings };
}

async function readStats(port: number): Promise<Stats> {
  const response = await fetch(`http://127.0.0.1:${port}/_local/stats`);
  return (await response.json()) as Stats;
}

function flood(port: number, size: number): Promise<FloodSenderResult[]> {
  return Promise.all(
    Array.from({ length: SENDERS }, (_, sender) => {
      const data: FloodSenderData = { port, size, seconds: SECONDS, sender };
      const worker = new Worker(new URL('./udp-flood-sender.ts', import.meta.url), {
        workerData: data,
      });
      return new Promise<FloodSenderResult>((resolve, reject) => {
        worker.once('message', (r: FloodSenderResult) => {
          resolve(r);
          void worker.terminate();
        });
        worker.once('error', reject);
      });
    }),
  );
}

/** Waits until nothing is queued and the received count stopped moving. */
async function drained(port: number): Promise<Stats> {
  const until = Date.now() + DRAIN_LIMIT_MS;
  let last = await readStats(port);
  for (;;) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await readStats(port);
    const still = now.datagramsReceived === last.datagramsReceived;
    if ((now.queuedBytes === 0 && still) || Date.now() > until) return now;
    last = now;
  }
}

const mb = (n: number): string => `${n.toFixed(0)} MB`;
const int = (n: number): string => n.toLocaleString('en-US');
console.log(
  `UDP flood against otel-xray-local --max-traces 1000 ${EXTRA.join(' ')}: ` +
    `${SENDERS} sender thread(s), ${SECONDS} s per run`,
);
for (const size of SIZES) {
  const { child, port, warnings } = await startCli();
  const pid = child.pid!;
  const baseline = procStatusMb(pid, 'VmRSS');
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, procStatusMb(pid, 'VmRSS'));
  }, SAMPLE_MS);
  const kernel0 = kernelDrops();
  const results = await flood(port, size);
  const kernel = kernelDrops() - kernel0;
  const stats = await drained(port);
  clearInterval(sampler);
  const hwm = procStatusMb(pid, 'VmHWM');
  const after = procStatusMb(pid, 'VmRSS');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const read = stats.datagramsReceived + stats.datagramsDropped;
  console.log(`\n${int(size)}-byte datagrams`);
  console.log(
    `  sent       ${int(sent)} in ${seconds.toFixed(1)} s (${int(Math.round(sent / seconds))}/s)`,
  );
  console.log(
    `  read       ${int(read)} by the server (kernel receive-buffer drops ${int(kernel)})`,
  );
  console.log(`  dropped    ${int(stats.datagramsDropped)} over the queue budget`);
  console.log(`  stored     ${int(stats.documentsAccepted)} documents accepted`);
  console.log(
    `             ${int(stats.tracesStored)} traces kept, queue ${int(stats.queuedBytes)} B`,
  );
  console.log(
    `  RSS        peak ${mb(Math.max(peak, hwm))} (VmHWM ${mb(hwm)}, sampled ${mb(peak)}), ` +
      `before ${mb(baseline)} (+${mb(Math.max(peak, hwm) - baseline)}), after drain ${mb(after)}`,
  );
  console.log(`  warnings   ${warnings.length} line(s)${warnings[0] ? `: ${warnings[0]}` : ''}`);
}
