import { describe, expect, it } from 'vitest';
import { XRayError } from '../../src/errors.ts';
import { SamplingService } from '../../src/sampling/index.ts';
import { clientId, fakeClock, ruleInput } from './rule-fixtures.ts';

function report(rule: string, client: number, counts: Partial<Record<string, number>> = {}) {
  return {
    RuleName: rule,
    ClientID: clientId(client),
    Timestamp: 1_700_000_000,
    RequestCount: counts['requests'] ?? 0,
    SampledCount: counts['sampled'] ?? 0,
    BorrowCount: counts['borrowed'] ?? 0,
  };
}

function setup(): { sampling: SamplingService; clock: ReturnType<typeof fakeClock> } {
  const clock = fakeClock();
  const sampling = new SamplingService({ now: clock.now });
  sampling.createSamplingRule(ruleInput({ ReservoirSize: 10, FixedRate: 0.05 }));
  return { sampling, clock };
}

const RULE = 'order-service-adaptive';

describe('SamplingService targets', () => {
  describe('getSamplingTargets', () => {
    it('gives a single client the whole reservoir with TTL, Interval and FixedRate', () => {
      const { sampling, clock } = setup();
      const out = sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 1)] });
      expect(out.SamplingTargetDocuments).toEqual([
        {
          RuleName: RULE,
          FixedRate: 0.05,
          ReservoirQuota: 10,
          ReservoirQuotaTTL: clock.now() / 1000 + 60,
          Interval: 10,
        },
      ]);
      expect(out.UnprocessedStatistics).toEqual([]);
      expect(out.LastRuleModification).toBe(clock.now() / 1000);
    });

    it('splits the reservoir over active clients, remainder to the first ClientIDs', () => {
      const { sampling } = setup();
      const quotas = [3, 1, 2].map(
        (n) =>
          sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, n)] })
            .SamplingTargetDocuments[0]!.ReservoirQuota,
      );
      // Client 3 alone: 10. Client 1 with 3: 5. Client 2 with 1 and 3: floor(10/3)=3 (+1 goes to client 1).
      expect(quotas).toEqual([10, 5, 3]);
      const again = [1, 2, 3].map(
        (n) =>
          sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, n)] })
            .SamplingTargetDocuments[0]!.ReservoirQuota,
      );
      expect(again).toEqual([4, 3, 3]);
      expect(again.reduce((a, b) => a + b)).toBe(10);
      expect(sampling.activeClients(RULE)).toBe(3);
    });

    it('drops clients that stopped reporting from the split', () => {
      const { sampling, clock } = setup();
      sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 1)] });
      sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 2)] });
      clock.advance(10_000);
      sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 1)] });
      clock.advance(10_000);
      const out = sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 1)] });
      expect(out.SamplingTargetDocuments[0]!.ReservoirQuota).toBe(10);
      expect(sampling.activeClients(RULE)).toBe(1);
    });

    it('follows updates of the rate and reservoir', () => {
      const { sampling } = setup();
      sampling.updateSamplingRule({
        SamplingRuleUpdate: { RuleName: RULE, FixedRate: 0.2, ReservoirSize: 0 },
      });
      const out = sampling.getSamplingTargets({ SamplingStatisticsDocuments: [report(RULE, 1)] });
      expect(out.SamplingTargetDocuments[0]).toMatchObject({ FixedRate: 0.2, ReservoirQuota: 0 });
    });

    it('lists reports for unknown rules as UnprocessedStatistics', () => {
      const { sampling } = setup();
      const out = sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report('gone', 1), report('Default', 1)],
      });
      expect(out.UnprocessedStatistics).toEqual([
        { RuleName: 'gone', ErrorCode: '400', Message: 'Unknown rule: gone' },
      ]);
      expect(out.SamplingTargetDocuments.map((d) => d.RuleName)).toEqual(['Default']);
    });

    it('rejects malformed documents and more than 25 of them', () => {
      const { sampling } = setup();
      const bad = [
        {},
        { SamplingStatisticsDocuments: [{ ...report(RULE, 1), ClientID: 'short' }] },
        { SamplingStatisticsDocuments: [{ ...report(RULE, 1), RequestCount: -1 }] },
        { SamplingStatisticsDocuments: Array.from({ length: 26 }, (_, i) => report(RULE, i)) },
      ];
      for (const input of bad) {
        expect(() => sampling.getSamplingTargets(input)).toThrow(XRayError);
      }
    });

    it('reports LastRuleModification after a delete', () => {
      const { sampling, clock } = setup();
      clock.advance(30_000);
      sampling.deleteSamplingRule({ RuleName: RULE });
      const out = sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report('Default', 1)],
      });
      expect(out.LastRuleModification).toBe(clock.now() / 1000);
    });
  });

  describe('getSamplingStatisticSummaries', () => {
    it('sums the reports of all clients within the window', () => {
      const { sampling, clock } = setup();
      sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report(RULE, 1, { requests: 100, sampled: 12, borrowed: 1 })],
      });
      clock.advance(10_000);
      sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report(RULE, 2, { requests: 50, sampled: 5, borrowed: 0 })],
      });
      const { SamplingStatisticSummaries } = sampling.getSamplingStatisticSummaries({});
      expect(SamplingStatisticSummaries.find((s) => s.RuleName === RULE)).toEqual({
        RuleName: RULE,
        Timestamp: (clock.now() - 10_000) / 1000,
        RequestCount: 150,
        SampledCount: 17,
        BorrowCount: 1,
      });
      expect(SamplingStatisticSummaries.find((s) => s.RuleName === 'Default')).toMatchObject({
        RequestCount: 0,
      });
    });

    it('forgets reports older than the window', () => {
      const { sampling, clock } = setup();
      sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report(RULE, 1, { requests: 100 })],
      });
      clock.advance(61_000);
      sampling.getSamplingTargets({
        SamplingStatisticsDocuments: [report(RULE, 1, { requests: 7 })],
      });
      const summary = sampling.getSamplingStatisticSummaries().SamplingStatisticSummaries[0]!;
      expect(summary).toMatchObject({ RuleName: RULE, RequestCount: 7 });
    });
  });
});
