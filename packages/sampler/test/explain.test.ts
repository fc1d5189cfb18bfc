import { diag, DiagLogLevel, ROOT_CONTEXT } from '@opentelemetry/api';
import { extractTraceHeader } from '@otel-xray/propagation';
import { afterEach, describe, expect, it } from 'vitest';
import { XRaySampler, xrayParentBasedSampler } from '../src/index.ts';
import { apiRule, DEFAULT_API_RULE, FakeTransport } from './helpers/rules.ts';
import { sampled } from './helpers/sample.ts';
import { fakeClock } from './helpers/seeded.ts';

async function sampler(debugDecisions = false) {
  const transport = new FakeTransport();
  transport.rules = [
    apiRule({
      RuleName: 'writes',
      Priority: 10,
      HTTPMethod: 'POST',
      FixedRate: 0.5,
      ReservoirSize: 0,
    }),
    apiRule({
      RuleName: 'orders',
      Priority: 20,
      ServiceName: 'orders',
      URLPath: '/orders*',
      FixedRate: 0.1,
      ReservoirSize: 5,
    }),
    { ...DEFAULT_API_RULE, FixedRate: 0 },
  ];
  const clock = fakeClock();
  const s = new XRaySampler({
    resource: { attributes: { 'service.name': 'orders' } },
    transport,
    autoPoll: false,
    now: clock.now,
    random: () => 0.99,
    debugDecisions,
  });
  await s.refreshRules();
  return s;
}

describe('XRaySampler.explain', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('matched rule', () => {
    it('lists the properties, the skipped rules with the failing field, and the plan', async () => {
      const s = await sampler();
      const explanation = s.explain({
        'http.request.method': 'GET',
        'url.path': '/orders/7',
        'server.address': 'shop',
      });
      expect(explanation).toEqual({
        source: 'centralized',
        sourceReason: 'rules fetched from the configured transport 0 s ago',
        properties: {
          ServiceName: 'orders',
          ServiceType: undefined,
          Host: 'shop',
          HTTPMethod: 'GET',
          URLPath: '/orders/7',
          ResourceARN: undefined,
        },
        rule: 'orders',
        skipped: [
          { rule: 'writes', priority: 10, field: 'HTTPMethod', pattern: 'POST', value: 'GET' },
        ],
        reservoir: 'borrowing 1/s',
        perSecond: 1,
        fixedRate: 0.1,
        summary:
          'rule "orders" (centralized) matched after skipping writes: HTTPMethod "GET" ≠ "POST"; samples 1/s (borrowing 1/s) then 10.00%',
      });
    });

    it('counts nothing', async () => {
      const s = await sampler();
      for (let i = 0; i < 5; i++) s.explain({ 'url.path': '/orders' });
      expect(sampled(s, { 'url.path': '/orders' })).toBe(true); // the borrow is still available
    });
  });

  describe('with a parent context', () => {
    it('says when the parent decides and the rules are not consulted', async () => {
      const parentBased = xrayParentBasedSampler(await sampler());
      const ctx = extractTraceHeader(
        ROOT_CONTEXT,
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
      );
      const explanation = parentBased.explain({ 'url.path': '/orders' }, ctx);
      expect(explanation.decidedByParent).toEqual({ remote: true, sampled: false });
      expect(explanation.summary).toBe('remote parent decides: not sampled (rules not consulted)');
      const undecided = extractTraceHeader(
        ROOT_CONTEXT,
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?',
      );
      expect(parentBased.explain({ 'url.path': '/orders' }, undecided).summary).toMatch(
        /^remote parent left sampling undecided; rule "orders"/,
      );
    });
  });

  describe('debugDecisions', () => {
    it('logs each decision with its rule and reason', async () => {
      const lines: string[] = [];
      const push = (...args: unknown[]) => lines.push(args.slice(1).join(' '));
      diag.setLogger(
        { error: push, warn: push, info: push, debug: push, verbose: push },
        { logLevel: DiagLogLevel.DEBUG, suppressOverrideMessage: true },
      );
      const s = await sampler(true);
      sampled(s, { 'url.path': '/orders' });
      sampled(s, { 'url.path': '/orders' });
      sampled(s, { 'url.path': '/other' });
      expect(lines.filter((l) => l.startsWith('rule'))).toEqual([
        'rule "orders" (centralized): sampled by borrowing (no quota from the service yet)',
        'rule "orders" (centralized): not sampled: reservoir used up this second (borrow 1/s), rate 10.00% missed',
        'rule "Default" (centralized): sampled by borrowing (no quota from the service yet)',
      ]);
    });
  });
});
