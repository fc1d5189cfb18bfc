// X-Amzn-Trace-Id extract and inject: XRayPropagator side by side with
// @opentelemetry/propagator-aws-xray. Goals: extract ≥ 2×, inject ≥ 1× the peer.
// Run: node --conditions=source --expose-gc packages/propagation/bench/header.bench.ts
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
import { compare } from './compare.ts';

const INNER = 1000; // operations per timed call, so the timer's own cost does not dominate
const ours = new XRayPropagator();
const peer = new AWSXRayPropagator();

// Node's IncomingHttpHeaders: lowercase names, a handful of other headers around ours.
const headers = (value: string) => ({
  host: 'orders.internal:8080',
  'user-agent': 'aws-sdk-js/3.1175.0',
  accept: 'application/json',
  'content-type': 'application/json',
  'x-amzn-trace-id': value,
  'content-length': '123',
});
const SAMPLED = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
const ALB = `Self=1-67891235-abcdef0123456789abcdef01;${SAMPLED};CalledFrom=app`;
const LAMBDA = `${SAMPLED};Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2`;
const active: Context = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '5759e988bd862e3fe1be46a994272793',
  spanId: 'a1b2c3d4e5f60718',
  traceFlags: 1,
});

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

const cases: Array<[string, () => void, () => void, number]> = [
  [
    'extract Root;Parent;Sampled=1',
    extract(ours, headers(SAMPLED)),
    extract(peer, headers(SAMPLED)),
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
];

const only = process.argv[2];
console.table(
  cases
    .filter(([name]) => !only || name.includes(only))
    .map(([name, oursFn, peerFn, goal]) => compare(name, oursFn, peerFn, goal, INNER)),
);
if (sink === undefined) console.log('(no result)');
