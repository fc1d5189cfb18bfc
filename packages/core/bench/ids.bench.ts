// Trace- and span-ID generation: XRayIdGenerator (pooled node:crypto randomness) side by side with
// @opentelemetry/id-generator-aws-xray (Math.random). Goal: trace IDs ≥ 1.0× the peer.
// Run: node --conditions=source --expose-gc packages/core/bench/ids.bench.ts
import { Bench } from 'tinybench';
import { AWSXRayIdGenerator } from '@opentelemetry/id-generator-aws-xray';
import { XRayIdGenerator, newTraceId } from '@otel-xray/core';

const INNER = 1000; // IDs per timed call, so the timer's own cost does not dominate
let sink = '';

const ours = new XRayIdGenerator();
const peer = new AWSXRayIdGenerator();

const cases: Array<[string, () => string, () => string]> = [
  ['generateTraceId', () => ours.generateTraceId(), () => peer.generateTraceId()],
  ['generateSpanId', () => ours.generateSpanId(), () => peer.generateSpanId()],
];

const rows: Array<Record<string, string>> = [];
for (const [name, oursFn, peerFn] of cases) {
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench.add('ours', () => {
    for (let i = 0; i < INNER; i++) sink = oursFn();
  });
  bench.add('peer', () => {
    for (let i = 0; i < INNER; i++) sink = peerFn();
  });
  globalThis.gc?.();
  await bench.run();
  const [a, b] = bench.tasks.map((t) =>
    t.result.state === 'completed' ? (INNER * 1000) / t.result.period : NaN,
  );
  rows.push({
    case: name,
    'ours ops/s': Math.round(a ?? NaN).toLocaleString('en'),
    'peer ops/s': Math.round(b ?? NaN).toLocaleString('en'),
    'ratio ours/peer': `${((a ?? NaN) / (b ?? NaN)).toFixed(2)}×`,
  });
}
console.table(rows);
console.log(
  `(sanity: ${sink.length === 16 ? 'ok' : sink} ${newTraceId().length === 35 ? 'ok' : 'bad'})`,
);
console.log('goal: generateTraceId ratio ≥ 1.00× while using crypto randomness');
