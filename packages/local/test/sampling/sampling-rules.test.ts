import { describe, expect, it } from 'vitest';
import { XRayError } from '../../src/errors.ts';
import { SamplingService } from '../../src/sampling/index.ts';
import { fakeClock, ruleInput } from './rule-fixtures.ts';

function service(): { sampling: SamplingService; clock: ReturnType<typeof fakeClock> } {
  const clock = fakeClock();
  return {
    sampling: new SamplingService({
      now: clock.now,
      region: 'eu-west-1',
      accountId: '123456789012',
    }),
    clock,
  };
}

function errorOf(fn: () => unknown): XRayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof XRayError) return error;
    throw error;
  }
  throw new Error('expected an XRayError');
}

describe('SamplingService rules', () => {
  describe('Default rule', () => {
    it('exists from the start with the API defaults', () => {
      const { sampling } = service();
      const { SamplingRuleRecords } = sampling.getSamplingRules(undefined);
      expect(SamplingRuleRecords).toEqual([
        {
          CreatedAt: 0,
          ModifiedAt: 0,
          SamplingRule: {
            RuleName: 'Default',
            RuleARN: 'arn:aws:xray:eu-west-1:123456789012:sampling-rule/Default',
            ResourceARN: '*',
            Priority: 10000,
            FixedRate: 0.05,
            ReservoirSize: 1,
            ServiceName: '*',
            ServiceType: '*',
            Host: '*',
            HTTPMethod: '*',
            URLPath: '*',
            Version: 1,
            Attributes: {},
          },
        },
      ]);
    });

    it('cannot be deleted', () => {
      const { sampling } = service();
      const error = errorOf(() => sampling.deleteSamplingRule({ RuleName: 'Default' }));
      expect(error.code).toBe('InvalidRequestException');
      expect(sampling.getSamplingRules({}).SamplingRuleRecords).toHaveLength(1);
    });

    it('accepts new FixedRate and ReservoirSize but no other change', () => {
      const { sampling, clock } = service();
      clock.advance(5000);
      const out = sampling.updateSamplingRule({
        SamplingRuleUpdate: { RuleName: 'Default', FixedRate: 0.5, ReservoirSize: 3 },
      });
      expect(out.SamplingRuleRecord.SamplingRule).toMatchObject({
        FixedRate: 0.5,
        ReservoirSize: 3,
      });
      expect(out.SamplingRuleRecord.ModifiedAt).toBe(clock.now() / 1000);
      const error = errorOf(() =>
        sampling.updateSamplingRule({ SamplingRuleUpdate: { RuleName: 'Default', Priority: 5 } }),
      );
      expect(error.code).toBe('InvalidRequestException');
    });
  });

  describe('createSamplingRule', () => {
    it('stores the rule with its ARN and times in epoch seconds', () => {
      const { sampling, clock } = service();
      const { SamplingRuleRecord } = sampling.createSamplingRule(ruleInput());
      expect(SamplingRuleRecord.SamplingRule.RuleARN).toBe(
        'arn:aws:xray:eu-west-1:123456789012:sampling-rule/order-service-adaptive',
      );
      expect(SamplingRuleRecord.CreatedAt).toBe(clock.now() / 1000);
      expect(SamplingRuleRecord.SamplingRule.Attributes).toEqual({});
      expect(
        sampling.getSamplingRules({}).SamplingRuleRecords.map((r) => r.SamplingRule.RuleName),
      ).toEqual(['order-service-adaptive', 'Default']);
    });

    it('rejects a duplicate name', () => {
      const { sampling } = service();
      sampling.createSamplingRule(ruleInput());
      expect(errorOf(() => sampling.createSamplingRule(ruleInput())).code).toBe(
        'InvalidRequestException',
      );
    });

    it('rejects the 26th rule with RuleLimitExceededException', () => {
      const { sampling } = service();
      for (let i = 0; i < 25; i++) sampling.createSamplingRule(ruleInput({ RuleName: `r${i}` }));
      const error = errorOf(() =>
        sampling.createSamplingRule(ruleInput({ RuleName: 'one-too-many' })),
      );
      expect(error.code).toBe('RuleLimitExceededException');
      expect(error.status).toBe(400);
    });

    it.each([
      ['RuleName', ''],
      ['RuleName', 'x'.repeat(33)],
      ['Priority', 0],
      ['Priority', 10000],
      ['Priority', 1.5],
      ['FixedRate', -0.1],
      ['FixedRate', 1.01],
      ['ReservoirSize', -1],
      ['ServiceName', 's'.repeat(65)],
      ['ServiceType', 's'.repeat(65)],
      ['Host', 'h'.repeat(65)],
      ['HTTPMethod', 'M'.repeat(11)],
      ['URLPath', '/'.repeat(129)],
      ['ResourceARN', 'a'.repeat(501)],
      ['Version', 2],
      ['Version', undefined],
      ['Host', undefined],
      ['FixedRate', '0.5'],
      ['Attributes', { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' }],
      ['Attributes', { ['k'.repeat(33)]: 'v' }],
      ['Attributes', { k: '' }],
      ['Attributes', { k: 'v'.repeat(33) }],
    ])('rejects %s = %j', (field, value) => {
      const { sampling } = service();
      const error = errorOf(() => sampling.createSamplingRule(ruleInput({ [field]: value })));
      expect(error.code).toBe('InvalidRequestException');
      expect(sampling.getSamplingRules({}).SamplingRuleRecords).toHaveLength(1);
    });

    it('accepts the limits themselves', () => {
      const { sampling } = service();
      const out = sampling.createSamplingRule(
        ruleInput({
          RuleName: 'n'.repeat(32),
          Priority: 9999,
          FixedRate: 1,
          ReservoirSize: 0,
          HTTPMethod: 'M'.repeat(10),
          Attributes: { a: '1', b: '2', c: '3', d: '4', ['k'.repeat(32)]: 'v'.repeat(32) },
        }),
      );
      expect(out.SamplingRuleRecord.SamplingRule.Priority).toBe(9999);
    });

    it('rejects a missing SamplingRule', () => {
      const { sampling } = service();
      expect(errorOf(() => sampling.createSamplingRule({})).code).toBe('InvalidRequestException');
    });
  });

  describe('updateSamplingRule', () => {
    it('finds the rule by ARN and changes only the given members', () => {
      const { sampling, clock } = service();
      const arn = sampling.createSamplingRule(ruleInput()).SamplingRuleRecord.SamplingRule.RuleARN;
      clock.advance(2000);
      const out = sampling.updateSamplingRule({
        SamplingRuleUpdate: { RuleARN: arn, URLPath: '/api/*' },
      });
      expect(out.SamplingRuleRecord.SamplingRule).toMatchObject({
        URLPath: '/api/*',
        ServiceName: 'orders',
      });
      expect(out.SamplingRuleRecord.ModifiedAt - out.SamplingRuleRecord.CreatedAt).toBe(2);
    });

    it('rejects an unknown rule and a missing identity', () => {
      const { sampling } = service();
      expect(
        errorOf(() => sampling.updateSamplingRule({ SamplingRuleUpdate: { RuleName: 'nope' } }))
          .code,
      ).toBe('InvalidRequestException');
      expect(
        errorOf(() => sampling.updateSamplingRule({ SamplingRuleUpdate: { FixedRate: 1 } })).code,
      ).toBe('InvalidRequestException');
    });
  });

  describe('deleteSamplingRule', () => {
    it('needs exactly one of RuleName and RuleARN', () => {
      const { sampling } = service();
      const arn = sampling.createSamplingRule(ruleInput()).SamplingRuleRecord.SamplingRule.RuleARN;
      expect(errorOf(() => sampling.deleteSamplingRule({})).code).toBe('InvalidRequestException');
      expect(
        errorOf(() =>
          sampling.deleteSamplingRule({ RuleName: 'order-service-adaptive', RuleARN: arn }),
        ).code,
      ).toBe('InvalidRequestException');
      const out = sampling.deleteSamplingRule({ RuleARN: arn });
      expect(out.SamplingRuleRecord.SamplingRule.RuleName).toBe('order-service-adaptive');
      expect(sampling.getSamplingRules({}).SamplingRuleRecords).toHaveLength(1);
    });
  });

  describe('getSamplingRules', () => {
    it('orders by priority, then name, and pages with NextToken', () => {
      const clock = fakeClock();
      const sampling = new SamplingService({ now: clock.now, pageSize: 2 });
      sampling.createSamplingRule(ruleInput({ RuleName: 'b', Priority: 5 }));
      sampling.createSamplingRule(ruleInput({ RuleName: 'a', Priority: 5 }));
      sampling.createSamplingRule(ruleInput({ RuleName: 'c', Priority: 1 }));
      const first = sampling.getSamplingRules({});
      expect(first.SamplingRuleRecords.map((r) => r.SamplingRule.RuleName)).toEqual(['c', 'a']);
      const second = sampling.getSamplingRules({ NextToken: first.NextToken });
      expect(second.SamplingRuleRecords.map((r) => r.SamplingRule.RuleName)).toEqual([
        'b',
        'Default',
      ]);
      expect(second.NextToken).toBeUndefined();
      expect(errorOf(() => sampling.getSamplingRules({ NextToken: 'bogus' })).code).toBe(
        'InvalidRequestException',
      );
    });

    it('returns copies that callers cannot change', () => {
      const { sampling } = service();
      const records = sampling.getSamplingRules({}).SamplingRuleRecords;
      records[0]!.SamplingRule.FixedRate = 1;
      expect(sampling.getSamplingRules({}).SamplingRuleRecords[0]!.SamplingRule.FixedRate).toBe(
        0.05,
      );
    });
  });
});
