// shouldSample throughput: XRaySampler side by side with @opentelemetry/sampler-aws-xray, both
// holding the same 20 cached rules (the peer is fed through the method its rule poller calls)
// and deciding the same request stream. Goal: ratio ours/peer ≥ 2×.
// Run: node --conditions=otel-xray-source --expose-gc packages/sampler/bench/should-sample.bench.ts
import { diag, ROOT_CONTEXT, SpanKind, type Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AWSXRayRemoteSampler } from '@opentelemetry/sampler-aws-xray';
import { Bench } from 'tinybench';
import {
  XRaySampler,
  type GetSamplingRulesResponse,
  type SamplingTransport,
  type XRaySamplingRule,
} from '@otel-xray/sampler';

diag.disable();
const INNER = 1000;
const RESOURCE = { 'service.name': 'orders', 'cloud.platform': 'aws_ecs' };

function rule(
  name: string,
  priority: number,
  overrides: Partial<XRaySamplingRule>,
): XRaySamplingRule {
  return {
    RuleName: name,
    ResourceARN: '*',
    Priority: priority,
    FixedRate: 0.05,
    ReservoirSize: 1,
    ServiceName: '*',
    ServiceType: '*',
    Host: '*',
    HTTPMethod: '*',
    URLPath: '*',
    Version: 1,
    Attributes: {},
    ...overrides,
  };
}

// 19 rules + Default: other services, paths, methods, hosts, one attribute rule.
const rules: XRaySamplingRule[] = [
  rule('errors', 1, { Attributes: { 'http.status': '5*' } }),
  ...['inventory', 'shipping', 'payments', 'users', 'search'].map((s, i) =>
    rule(`svc-${s}`, 10 + i, { ServiceName: s }),
  ),
  ...[
    '/api/v1/cart*',
    '/api/v1/users/*',
    '/static/*',
    '/metrics',
    '/admin/*',
    '/api/v2/*/items/?',
  ].map((p, i) => rule(`path-${i}`, 20 + i, { URLPath: p })),
  rule('deletes', 30, { HTTPMethod: 'DELETE' }),
  rule('puts', 31, { HTTPMethod: 'PUT', URLPath: '/orders/*' }),
  rule('internal-host', 32, { Host: '*.internal' }),
  rule('ec2-only', 33, { ServiceType: 'AWS::EC2::Instance' }),
  rule('lambda-arn', 34, { ResourceARN: 'arn:aws:lambda:*' }),
  rule('health', 35, { URLPath: '/health', HTTPMethod: 'GET' }),
  rule('orders-adaptive', 100, { ServiceName: 'orders', FixedRate: 0.05, ReservoirSize: 10 }),
  rule('Default', 10000, {}),
];
const response: GetSamplingRulesResponse = {
  SamplingRuleRecords: rules.map((r) => ({ SamplingRule: r })),
};

const transport: SamplingTransport = {
  getSamplingRules: () => Promise.resolve(structuredClone(response)),
  getSamplingTargets: () => Promise.resolve({ SamplingTargetDocuments: [] }),
};
const ours = new XRaySampler({ resource: { attributes: RESOURCE }, transport, autoPoll: false });
await ours.refreshRules();

const peerOuter = new AWSXRayRemoteSampler({
  resource: resourceFromAttributes(RESOURCE),
  endpoint: 'http://127.0.0.1:9',
});
const peer = (
  peerOuter as unknown as {
    internalXraySampler: AWSXRayRemoteSampler & { updateSamplingRules(r: unknown): void };
  }
).internalXraySampler;
peer.updateSamplingRules(structuredClone(response));
peerOuter.stopPollers();

const requests: Attributes[] = [
  {
    'http.request.method': 'GET',
    'url.path': '/orders/42',
    'server.address': 'orders.example.com',
  },
  { 'http.request.method': 'POST', 'url.path': '/orders', 'server.address': 'orders.example.com' },
  { 'http.request.method': 'GET', 'url.path': '/health', 'server.address': 'orders.example.com' },
  { 'http.request.method': 'GET', 'url.full': 'https://orders.example.com/api/v2/x/items/7?q=1' },
  {
    'http.request.method': 'PUT',
    'url.path': '/orders/9',
    'server.address': 'orders.svc.internal',
  },
];
const traceId = '5759e988bd862e3fe1be46a994272793';

// Same rule chosen by both for every request (a benchmark of different work would be meaningless).
for (const attrs of requests) {
  const peerRule = (
    peer as unknown as {
      ruleCache: { getMatchedRule(a: Attributes): { samplingRule: { RuleName: string } } };
    }
  ).ruleCache.getMatchedRule(attrs)?.samplingRule.RuleName;
  if (ours.explain(attrs).rule !== peerRule)
    throw new Error(
      `rule mismatch for ${JSON.stringify(attrs)}: ${ours.explain(attrs).rule} vs ${peerRule}`,
    );
}

let sink = 0;
function run(sampler: { shouldSample: XRaySampler['shouldSample'] }): void {
  for (let i = 0; i < INNER; i++) {
    sink += sampler.shouldSample(
      ROOT_CONTEXT,
      traceId,
      'GET',
      SpanKind.SERVER,
      requests[i % requests.length]!,
      [],
    ).decision;
  }
}

const bench = new Bench({ time: 2000, warmupTime: 500 });
bench.add('ours', () => run(ours));
bench.add('peer', () => run(peer));
globalThis.gc?.();
await bench.run();
const [a, b] = bench.tasks.map((t) =>
  t.result.state === 'completed' ? (INNER * 1000) / t.result.period : NaN,
);
console.table([
  {
    case: `shouldSample, 20 rules, ${requests.length} request shapes`,
    'ours ops/s': Math.round(a ?? NaN).toLocaleString('en'),
    'peer ops/s': Math.round(b ?? NaN).toLocaleString('en'),
    'ratio ours/peer': `${((a ?? NaN) / (b ?? NaN)).toFixed(2)}×`,
  },
]);
console.log(`(sanity: ${sink > 0 ? 'ok' : 'no decisions'})`);
console.log('goal: ratio ≥ 2.00×');
await ours.shutdown();
