// Ingest benchmark. (1) Daemon UDP from a second process at increasing paced rates: the highest
// rate with zero loss (goal ≥ 100,000 segments/s). (2) PutTraceSegments, batches of 50 as the
// X-Ray daemon sends them, into ours and into moto's X-Ray (moto server) for the same documents.
// Env: BENCH_RATES=25000,50000,… (UDP steps), BENCH_SECONDS (per step), BENCH_PUT=0 (UDP only).
// A step ends when every sent datagram is stored (or nothing arrives for 1.5 s): documents may
// still be queued in memory after the sender stops; only datagrams the kernel dropped are lost.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutTraceSegmentsCommand, XRayClient } from '@aws-sdk/client-xray';
import { startLocalXRay, type LocalXRay } from '../src/index.ts';
import { benchTrace } from './bench-data.ts';
import { startMoto } from './moto-server.ts';

const run = promisify(execFile);
const RATES = (process.env.BENCH_RATES ?? '10000,25000,50000,75000,100000,150000,200000')
  .split(',')
  .map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);

/** Kernel UDP counters (Linux): datagrams dropped for lack of receive/send buffer. */
function udpDrops(): { rcvbuf: number; sndbuf: number } {
  try {
    const lines = readFileSync('/proc/net/snmp', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Udp:'));
    const names = (lines[0] ?? '').split(/\s+/);
    const values = (lines[1] ?? '').split(/\s+/).map(Number);
    return {
      rcvbuf: values[names.indexOf('RcvbufErrors')] ?? 0,
      sndbuf: values[names.indexOf('SndbufErrors')] ?? 0,
    };
  } catch {
    return { rcvbuf: 0, sndbuf: 0 };
  }
}

/** Waits until every sent datagram reached the store, or nothing more arrived for 1.5 s. */
async function settle(xray: LocalXRay, sent: number): Promise<void> {
  let last = -1;
  for (let quiet = 0; xray.stats().datagramsReceived < sent && quiet < 1500;) {
    await new Promise((r) => setTimeout(r, 100));
    const received = xray.stats().datagramsReceived;
    quiet = received === last ? quiet + 100 : 0;
    last = received;
  }
  xray.flush();
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `UDP daemon ingest (sender in a child process, paced every ms; load average ${load()})`,
);
let best = 0;
for (const rate of RATES) {
  const xray = await startLocalXRay({ port: 0, maxTraces: 1_000_000 });
  const count = Math.round(rate * SECONDS);
  const drops = udpDrops();
  const { stdout } = await run(process.execPath, [
    '--conditions=otel-xray-source',
    join(import.meta.dirname, 'udp-sender.ts'),
    String(xray.port),
    String(rate),
    String(count),
  ]);
  const sender = JSON.parse(stdout) as { sent: number; errors: number; seconds: number };
  await settle(xray, sender.sent);
  const s = xray.stats();
  const lost = sender.sent - s.documentsAccepted;
  const achieved = Math.round(sender.sent / sender.seconds);
  const after = udpDrops();
  const kernel = `kernel drops: receive buffer ${after.rcvbuf - drops.rcvbuf}, send buffer ${after.sndbuf - drops.sndbuf}`;
  console.log(
    `  target ${rate.toLocaleString()}/s: sent ${sender.sent.toLocaleString()} in ${sender.seconds.toFixed(2)} s (${achieved.toLocaleString()}/s), accepted ${s.documentsAccepted.toLocaleString()}, lost ${lost.toLocaleString()} (${kernel})`,
  );
  await xray.stop();
  if (lost === 0 && sender.errors === 0) best = Math.max(best, Math.min(rate, achieved));
  else break;
}
console.log(
  `  highest zero-loss rate: ${best.toLocaleString()} segments/s (goal 100,000: ratio ${(best / 100_000).toFixed(2)}; load average ${load()})`,
);

if (process.env.BENCH_PUT === '0') process.exit(0);
console.log(
  '\nPutTraceSegments, 50 documents per call (as the daemon batches), 20,000 documents, 4 concurrent callers',
);
const docs: string[] = [];
const t0 = Math.floor(Date.now() / 1000) - 60;
for (let i = 0; docs.length < 20_000; i++) docs.push(...benchTrace(i, t0));
async function putAll(endpoint: string): Promise<number> {
  const client = new XRayClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const batches: string[][] = [];
  for (let i = 0; i < docs.length; i += 50) batches.push(docs.slice(i, i + 50));
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++] as string[];
        const out = await client.send(
          new PutTraceSegmentsCommand({ TraceSegmentDocuments: batch }),
        );
        if ((out.UnprocessedTraceSegments ?? []).length > 0)
          throw new Error('unprocessed documents');
      }
    }),
  );
  client.destroy();
  return docs.length / ((performance.now() - start) / 1000);
}
const ours = await startLocalXRay({ port: 0, maxTraces: 1_000_000 });
const oursRate = await putAll(ours.endpoint);
await ours.stop();
let motoRate = Number.NaN;
try {
  const moto = await startMoto();
  try {
    motoRate = await putAll(moto.endpoint);
  } finally {
    moto.stop();
  }
} catch (error) {
  console.log(`  moto unavailable: ${(error as Error).message}`);
}
console.log(`  ours: ${Math.round(oursRate).toLocaleString()} documents/s`);
console.log(
  `  moto: ${Number.isNaN(motoRate) ? 'n/a' : Math.round(motoRate).toLocaleString()} documents/s`,
);
if (!Number.isNaN(motoRate)) console.log(`  ratio ours/moto: ${(oursRate / motoRate).toFixed(1)}×`);
