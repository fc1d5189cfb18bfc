import { describe, expect, it } from 'vitest';
import { XRaySampler, type XRaySamplingRule } from '../src/index.ts';
import { apiRule, DEFAULT_API_RULE, FakeTransport } from './helpers/rules.ts';
import { sampled } from './helpers/sample.ts';
import { fakeClock } from './helpers/seeded.ts';

/** A sampler whose only non-default rule samples everything (rate 1) and Default nothing. */
async function samplerWith(
  rules: XRaySamplingRule[],
  resource: Record<string, string> = { 'service.name': 'orders' },
): Promise<XRaySampler> {
  const transport = new FakeTransport();
  transport.rules = [...rules, { ...DEFAULT_API_RULE, FixedRate: 0, ReservoirSize: 0 }];
  const clock = fakeClock();
  const sampler = new XRaySampler({
    resource: { attributes: resource },
    transport,
    autoPoll: false,
    now: clock.now,
    random: () => 0.5,
  });
  await sampler.refreshRules();
  return sampler;
}

const all = (overrides: Partial<XRaySamplingRule>) =>
  apiRule({ RuleName: 'hit', FixedRate: 1, ReservoirSize: 0, ...overrides });

describe('XRaySampler matching', () => {
  describe('fields', () => {
    it.each([
      ['ServiceName', { ServiceName: 'ord*' }, {}, true],
      ['ServiceName mismatch', { ServiceName: 'inventory' }, {}, false],
      [
        'Host (server.address)',
        { Host: 'shop.example.com' },
        { 'server.address': 'SHOP.example.com' },
        true,
      ],
      [
        'Host (http.host with port)',
        { Host: 'shop.example.com' },
        { 'http.host': 'shop.example.com:8080' },
        true,
      ],
      [
        'Host (net.host.name)',
        { Host: '*.example.com' },
        { 'net.host.name': 'a.example.com' },
        true,
      ],
      ['Host missing', { Host: 'shop.example.com' }, {}, false],
      ['Host is not client.address', { Host: '10.0.0.1' }, { 'client.address': '10.0.0.1' }, false],
      ['HTTPMethod (new key)', { HTTPMethod: 'POST' }, { 'http.request.method': 'post' }, true],
      ['HTTPMethod (old key)', { HTTPMethod: 'POST' }, { 'http.method': 'POST' }, true],
      ['HTTPMethod mismatch', { HTTPMethod: 'POST' }, { 'http.request.method': 'GET' }, false],
      ['URLPath (url.path)', { URLPath: '/orders/*' }, { 'url.path': '/orders/7' }, true],
      [
        'URLPath (http.target, query dropped)',
        { URLPath: '/orders/?' },
        { 'http.target': '/orders/7?x=1' },
        true,
      ],
      [
        'URLPath (url.full)',
        { URLPath: '/orders' },
        { 'url.full': 'https://h:8443/orders?q#f' },
        true,
      ],
      ['URLPath (http.url)', { URLPath: '/' }, { 'http.url': 'http://h' }, true],
      ['URLPath missing', { URLPath: '/orders' }, {}, false],
      ['Attributes match', { Attributes: { tenant: 'gold-*' } }, { tenant: 'gold-eu' }, true],
      [
        'Attributes numeric value',
        { Attributes: { 'http.response.status_code': '5*' } },
        { 'http.response.status_code': 503 },
        true,
      ],
      ['Attributes all must match', { Attributes: { a: '1', b: '2' } }, { a: '1' }, false],
      ['Attributes key is exact', { Attributes: { Tenant: 'x' } }, { tenant: 'x' }, false],
    ])('%s', async (_name, rule, attributes, expected) => {
      const sampler = await samplerWith([all(rule)]);
      expect(sampled(sampler, attributes)).toBe(expected);
    });

    it.each([
      ['aws_ecs', 'AWS::ECS::Container'],
      ['aws_eks', 'AWS::EKS::Container'],
      ['aws_ec2', 'AWS::EC2::Instance'],
      ['aws_lambda', 'AWS::Lambda::Function'],
      ['aws_elastic_beanstalk', 'AWS::ElasticBeanstalk::Environment'],
    ])('ServiceType from cloud.platform %s = %s', async (platform, type) => {
      const sampler = await samplerWith([all({ ServiceType: type })], {
        'service.name': 'orders',
        'cloud.platform': platform,
      });
      expect(sampled(sampler)).toBe(true);
      const other = await samplerWith([all({ ServiceType: type })], { 'service.name': 'orders' });
      expect(sampled(other)).toBe(false);
    });

    it.each([
      [{ 'aws.ecs.container.arn': 'arn:aws:ecs:eu-west-1:1:container/x' }, {}, true],
      [{ 'aws.ecs.cluster.arn': 'arn:aws:ecs:eu-west-1:1:cluster/x' }, {}, true],
      [{ 'aws.eks.cluster.arn': 'arn:aws:eks:eu-west-1:1:cluster/x' }, {}, true],
      [
        {
          'cloud.platform': 'aws_lambda',
          'cloud.resource_id': 'arn:aws:lambda:eu-west-1:1:function:f',
        },
        {},
        true,
      ],
      [
        { 'cloud.platform': 'aws_lambda' },
        { 'aws.lambda.invoked_arn': 'arn:aws:lambda:eu-west-1:1:function:f' },
        true,
      ],
      [{ 'cloud.platform': 'aws_lambda' }, {}, false],
      [{}, { 'aws.lambda.invoked_arn': 'arn:aws:lambda:eu-west-1:1:function:f' }, false],
    ])('ResourceARN from resource %j and span %j', async (resource, attributes, expected) => {
      const sampler = await samplerWith([all({ ResourceARN: 'arn:aws:*' })], {
        'service.name': 'orders',
        ...resource,
      });
      expect(sampled(sampler, attributes)).toBe(expected);
    });
  });

  describe('order', () => {
    it('takes the lowest priority first', async () => {
      const sampler = await samplerWith([
        apiRule({ RuleName: 'b-low', Priority: 50, FixedRate: 1, ReservoirSize: 0 }),
        apiRule({ RuleName: 'a-high', Priority: 5, FixedRate: 0, ReservoirSize: 0 }),
      ]);
      expect(sampler.explain().rule).toBe('a-high');
      expect(sampled(sampler)).toBe(false);
    });

    it('breaks priority ties by rule name', async () => {
      const sampler = await samplerWith([
        apiRule({ RuleName: 'zeta', Priority: 7, FixedRate: 0, ReservoirSize: 0 }),
        apiRule({ RuleName: 'Alpha', Priority: 7, FixedRate: 1, ReservoirSize: 0 }),
        apiRule({ RuleName: 'alpha', Priority: 7, FixedRate: 0, ReservoirSize: 0 }),
      ]);
      // Code-unit order, as the OTel JS sampler sorts: 'Alpha' < 'alpha' < 'zeta'.
      expect(sampler.explain().rule).toBe('Alpha');
      expect(sampled(sampler)).toBe(true);
    });

    it('ignores rules of other versions', async () => {
      const sampler = await samplerWith([all({ Version: 2 })]);
      expect(sampler.explain().rule).toBe('Default');
    });
  });

  describe('the seed rule always-trace-errors (http.status = 5*)', () => {
    // At span start no status attribute exists, so the rule cannot match; the X-Ray SDKs
    // ignore rules with Attributes altogether. Either way the rule never samples a request.
    it('never matches at span start, so Default decides', async () => {
      const sampler = await samplerWith([
        apiRule({
          RuleName: 'always-trace-errors',
          Priority: 1,
          FixedRate: 1,
          ReservoirSize: 100,
          Attributes: { 'http.status': '5*' },
        }),
      ]);
      const explanation = sampler.explain({ 'http.request.method': 'GET', 'url.path': '/orders' });
      expect(explanation.rule).toBe('Default');
      expect(explanation.skipped).toEqual([
        {
          rule: 'always-trace-errors',
          priority: 1,
          field: 'Attributes.http.status',
          pattern: '5*',
          value: undefined,
        },
      ]);
      expect(sampled(sampler, { 'http.request.method': 'GET' })).toBe(false);
    });
  });
});
