// X-Amzn-Trace-Id extract and inject: XRayPropagator side by side with
// @opentelemetry/propagator-aws-xray. Goals: extract ≥ 2×, inject ≥ 1× the peer.
// Run: node --conditions=otel-xray-source --expose-gc packages/propagation/bench/header.bench.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
  type TextMapPropagator,
} from '@opentelemetry/api';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import { XRayPropagator } from '@otel-xray/propagation';
import { compare } from '../../../scripts/bench/compare.ts';

const INNER = 1000; // operations per timed call, so the timer's own cost does not dominate
const ours = new XRayPropagator();
const peer = new AWSXRayPropagator();

// A string as Node's HTTP parser (or an ID generator's `toString('hex')`) delivers it: a flat
// copy. A template literal would make a rope that V8 flattens on first read and a GC later swaps
// for the flat string, so the string's type would change under the code mid-run.
const received = (value: string) => Buffer.from(value, 'latin1').toString('latin1');

// Node's IncomingHttpHeaders of a request behind an ALB: lowercase names, in arrival order.
const headers = (value: string) => ({
  host: 'orders.internal',
  'x-forwarded-for': '203.0.113.7',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  'x-amzn-trace-id': received(value),
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)',
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-GB,en;q=0.9',
  'content-type': 'application/json',
  'content-length': '123',
  connection: 'keep-alive',
});
const SAMPLED = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
const REORDERED = 'Sampled=1;Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793';
const ALB = `Self=1-67891235-abcdef0123456789abcdef01;${SAMPLED};CalledFrom=app`;
const LAMBDA = `${SAMPLED};Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2`;
const active: Context = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: 'a1b2c3d4e5f60718',
  traceFlags: 1,
});

// 1,024 spans of different traces, visited in turn: no two consecutive injects share a trace.
const hex = (seed: number, n: number) => {
  let out = '';
  for (let i = 0; i < n; i++)
    out += (((seed * 2654435761 + i * 40503) >>> (i % 24)) & 15).toString(16);
  return out.replace(/^0/, '1');
};
const manyTraces: Context[] = Array.from({ length: 1024 }, (_, i) =>
  trace.setSpanContext(ROOT_CONTEXT, {
    traceId: received(hex(i + 1, 32)),
    spanId: received(hex(i + 7, 16)),
    traceFlags: i & 1,
  }),
);

let sink: unknown;
const extract = (p: TextMapPropagator, carrier: object) => () => {
  for (let i = 0; i < INNER; i++) sink = p.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
};
const inject = (p: TextMapPropagator, ctx: Context) => () => {
  for (let i = 0; i < INNER; i++) {
    const carrier: Record<string, string> = {};
    p.inject(ctx, carrier, defaultTextMapSetter);
    sink = carrier;
  }
};

const injectEach = (p: TextMapPropagator) => () => {
  for (let i = 0; i < INNER; i++) {
    const carrier: Record<string, string> = {};
    p.inject(manyTraces[i & 1023]!, carrier, defaultTextMapSetter);
    sink = carrier;
  }
};

const cases: Array<[string, () => void, () => void, number]> = [
  [
    'extract Root;Parent;Sampled=1',
    extract(ours, headers(SAMPLED)),
    extract(peer, headers(SAMPLED)),
    2,
  ],
  [
    'extract Sampled;Parent;Root (reordered)',
    extract(ours, headers(REORDERED)),
    extract(peer, headers(REORDERED)),
    2,
  ],
  [
    'extract ALB (Self first, extra field)',
    extract(ours, headers(ALB)),
    extract(peer, headers(ALB)),
    2,
  ],
  ['extract Lambda (Lineage)', extract(ours, headers(LAMBDA)), extract(peer, headers(LAMBDA)), 2],
  ['extract no header', extract(ours, headers('')), extract(peer, headers('')), 2],
  ['inject sampled span', inject(ours, active), inject(peer, active), 1],
  ['inject, a new trace every call', injectEach(ours), injectEach(peer), 1],
];

// Each case runs in a fresh child process, so one header shape does not shape the JIT for the next
// (a service sees mostly one shape); the parent prints one table.
const only = process.argv[2];
if (only !== undefined) {
  const match = cases.find(([name]) => name === only);
  if (match)
    process.stdout.write(JSON.stringify(compare(match[0], match[1], match[2], match[3], INNER)));
  if (sink === undefined) process.stdout.write('(no result)');
} else {
  const rows = cases.map(([name]) => {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), name],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(child.stdout) as Record<string, string>;
  });
  console.table(rows);
}
