import { afterEach, describe, expect, it, vi } from 'vitest';
import { XRaySampler } from '../src/index.ts';
import { apiRule, DEFAULT_API_RULE, FakeTransport } from './helpers/rules.ts';
import { countSampled, sampled } from './helpers/sample.ts';
import { fakeClock } from './helpers/seeded.ts';

const never = () => 0.999_999;
const ORDERS = apiRule({
  RuleName: 'orders',
  Priority: 100,
  FixedRate: 0,
  ReservoirSize: 10,
  ServiceName: 'orders',
});

function setup(random = never) {
  const clock = fakeClock();
  const transport = new FakeTransport();
  transport.rules = [ORDERS, { ...DEFAULT_API_RULE, FixedRate: 0 }];
  const sampler = new XRaySampler({
    resource: { attributes: { 'service.name': 'orders' } },
    transport,
    autoPoll: false,
    now: clock.now,
    random,
    clientId: 'abcdef0123456789abcdef01',
  });
  return { clock, transport, sampler };
}

describe('XRaySampler centralized rules', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('before the first fetch', () => {
    it('uses the built-in default: 1 request per second plus 5 %', () => {
      const { sampler, clock } = setup();
      expect(countSampled(sampler, 10)).toBe(1);
      clock.advance(1000);
      expect(countSampled(sampler, 10)).toBe(1);
      expect(sampler.explain().source).toBe('local');
      expect(sampler.explain().sourceReason).toMatch(/no rules fetched/);
    });
  });

  describe('borrowing', () => {
    it('borrows one request per second per rule until a quota arrives', async () => {
      const { sampler, clock } = setup();
      await sampler.refreshRules();
      expect(countSampled(sampler, 20)).toBe(1);
      clock.advance(1000);
      expect(countSampled(sampler, 20)).toBe(1);
      expect(sampler.explain().reservoir).toBe('borrowing 1/s');
    });
  });

  describe('reportStatistics', () => {
    it('reports matched rules with ClientID and counts, then resets them', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      countSampled(sampler, 20);
      clock.advance(10_000);
      await sampler.reportStatistics();
      expect(transport.sent).toEqual([
        {
          SamplingStatisticsDocuments: [
            {
              RuleName: 'orders',
              ClientID: 'abcdef0123456789abcdef01',
              Timestamp: clock.now() / 1000,
              RequestCount: 20,
              SampledCount: 1,
              BorrowCount: 1,
            },
          ],
        },
      ]);
      clock.advance(10_000);
      await sampler.reportStatistics();
      expect(transport.sent).toHaveLength(1);
    });

    it('applies ReservoirQuota until ReservoirQuotaTTL, then borrows again', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      transport.targets = () => ({
        SamplingTargetDocuments: [
          {
            RuleName: 'orders',
            FixedRate: 0,
            ReservoirQuota: 4,
            ReservoirQuotaTTL: clock.now() / 1000 + 30,
            Interval: 10,
          },
        ],
      });
      countSampled(sampler, 1);
      await sampler.reportStatistics();
      clock.advance(1000);
      expect(countSampled(sampler, 20)).toBe(4);
      expect(sampler.explain()).toMatchObject({ reservoir: 'service quota', perSecond: 4 });
      clock.advance(30_000);
      expect(countSampled(sampler, 20)).toBe(1);
    });

    it('applies the target FixedRate', async () => {
      const { sampler, transport, clock } = setup(() => 0.3);
      await sampler.refreshRules();
      transport.targets = () => ({
        SamplingTargetDocuments: [
          {
            RuleName: 'orders',
            FixedRate: 0.5,
            ReservoirQuota: 0,
            ReservoirQuotaTTL: clock.now() / 1000 + 60,
          },
        ],
      });
      countSampled(sampler, 1);
      await sampler.reportStatistics();
      expect(countSampled(sampler, 10)).toBe(10);
    });

    it('honours a per-rule Interval', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      transport.targets = () => ({
        SamplingTargetDocuments: [{ RuleName: 'orders', Interval: 30 }],
      });
      countSampled(sampler, 3);
      await sampler.reportStatistics();
      countSampled(sampler, 3);
      clock.advance(10_000);
      await sampler.reportStatistics();
      expect(transport.sent).toHaveLength(1);
      clock.advance(20_000);
      await sampler.reportStatistics();
      expect(transport.sent).toHaveLength(2);
      expect(transport.sent[1]!.SamplingStatisticsDocuments[0]!.RequestCount).toBe(3);
    });

    it('keeps the counts of a failed report for the next one', async () => {
      const { sampler, transport } = setup();
      await sampler.refreshRules();
      countSampled(sampler, 5);
      transport.down = true;
      expect(await sampler.reportStatistics()).toBe(false);
      transport.down = false;
      countSampled(sampler, 2);
      await sampler.reportStatistics();
      expect(transport.sent[0]!.SamplingStatisticsDocuments[0]!.RequestCount).toBe(7);
    });

    it('sends at most 25 documents per request', async () => {
      const { sampler, transport } = setup();
      transport.rules = [
        ...Array.from({ length: 30 }, (_, i) =>
          apiRule({ RuleName: `m${String(i).padStart(2, '0')}`, Priority: 1, URLPath: `/p${i}` }),
        ),
        DEFAULT_API_RULE,
      ];
      await sampler.refreshRules();
      for (let i = 0; i < 30; i++) sampled(sampler, { 'url.path': `/p${i}` });
      await sampler.reportStatistics();
      expect(transport.sent.map((s) => s.SamplingStatisticsDocuments.length)).toEqual([25, 5]);
    });

    it('refetches rules when LastRuleModification is newer than the last fetch', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      clock.advance(5000);
      transport.targets = () => ({
        SamplingTargetDocuments: [],
        LastRuleModification: clock.now() / 1000,
      });
      countSampled(sampler, 1);
      await sampler.reportStatistics();
      await vi.waitFor(() => expect(transport.rulesCalls).toBe(2));
    });
  });

  describe('outages', () => {
    it('uses local rules while the endpoint is unreachable and recovers when it returns', async () => {
      const { sampler, transport } = setup();
      transport.down = true;
      expect(await sampler.refreshRules()).toBe(false);
      expect(sampler.explain().source).toBe('local');
      transport.down = false;
      expect(await sampler.refreshRules()).toBe(true);
      expect(sampler.explain()).toMatchObject({ source: 'centralized', rule: 'orders' });
    });

    it('keeps cached rules for 1 h after the last successful fetch, then falls back', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      transport.down = true;
      clock.advance(59 * 60_000);
      await sampler.refreshRules();
      expect(sampler.explain().source).toBe('centralized');
      clock.advance(2 * 60_000);
      expect(sampler.explain().source).toBe('local');
      expect(sampler.explain().sourceReason).toMatch(/expired/);
    });

    it('keeps counters and quotas of unchanged rules across refreshes', async () => {
      const { sampler, transport, clock } = setup();
      await sampler.refreshRules();
      transport.targets = () => ({
        SamplingTargetDocuments: [
          { RuleName: 'orders', ReservoirQuota: 3, ReservoirQuotaTTL: clock.now() / 1000 + 60 },
        ],
      });
      countSampled(sampler, 1);
      await sampler.reportStatistics();
      await sampler.refreshRules();
      clock.advance(1000);
      expect(countSampled(sampler, 10)).toBe(3);
    });
  });

  describe('polling timers', () => {
    it('fetches rules at start and every interval, reports every 10 s, and stops on shutdown', async () => {
      vi.useFakeTimers();
      const transport = new FakeTransport();
      const sampler = new XRaySampler({
        transport,
        rulesPollingIntervalSeconds: 60,
        random: () => 0,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(transport.rulesCalls).toBe(1);
      sampled(sampler);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(transport.sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(50_000);
      expect(transport.rulesCalls).toBe(2);
      await sampler.shutdown();
      await sampler.shutdown();
      sampled(sampler);
      await vi.advanceTimersByTimeAsync(600_000);
      expect(transport.rulesCalls).toBe(2);
      expect(transport.sent).toHaveLength(1);
    });

    it('retries the first fetch after 1, 2, 4 … s while it fails, then polls at the interval', async () => {
      vi.useFakeTimers();
      const transport = new FakeTransport();
      transport.down = true; // the app started before its daemon
      const sampler = new XRaySampler({
        transport,
        rulesPollingIntervalSeconds: 300,
        random: () => 0,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(transport.rulesCalls).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(transport.rulesCalls).toBe(2);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(transport.rulesCalls).toBe(3);
      transport.down = false;
      await vi.advanceTimersByTimeAsync(4_000);
      expect(transport.rulesCalls).toBe(4);
      expect(sampler.explain().source).toBe('centralized');
      await vi.advanceTimersByTimeAsync(299_000);
      expect(transport.rulesCalls).toBe(4);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(transport.rulesCalls).toBe(5);
      await sampler.shutdown();
    });
  });
});
