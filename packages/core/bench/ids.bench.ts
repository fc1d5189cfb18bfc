// Trace- and span-ID generation: XRayIdGenerator (pooled node:crypto randomness) side by side with
// @opentelemetry/id-generator-aws-xray (Math.random). Goal: trace IDs ≥ 1.0× the peer.
// Run: node --conditions=otel-xray-source --expose-gc packages/core/bench/ids.bench.ts
import { AWSXRayIdGenerator } from '@opentelemetry/id-generator-aws-xray';
import { XRayIdGenerator } from '@otel-xray/core';
import { compare } from '../../../scripts/bench/compare.ts';

const INNER = 1000; // IDs per timed call, so the timer's own cost does not dominate
let sink = '';
const ours = new XRayIdGenerator();
const peer = new AWSXRayIdGenerator();
const loop = (fn: () => string) => () => {
  for (let i = 0; i < INNER; i++) sink = fn();
};

console.table([
  compare(
    'generateTraceId',
    loop(() => ours.generateTraceId()),
    loop(() => peer.generateTraceId()),
    1,
    INNER,
  ),
  compare(
    'generateSpanId',
    loop(() => ours.generateSpanId()),
    loop(() => peer.generateSpanId()),
    1,
    INNER,
  ),
]);
if (sink.length !== 16) console.log('(unexpected span ID length)');
