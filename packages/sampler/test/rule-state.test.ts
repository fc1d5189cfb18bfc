import { describe, expect, it } from 'vitest';
import { RuleState } from '../src/internal/rule-state.ts';
import { binomialBounds, seededRandom } from './helpers/seeded.ts';

const never = () => 0.999_999;
const T0 = 1_700_000_000_000;

function run(
  state: RuleState,
  times: number[],
  rate: number,
  reservoir: number,
  fixedTarget?: number,
  random = never,
) {
  return times.map((t) => state.decide(t, random, rate, reservoir, fixedTarget));
}

describe('RuleState', () => {
  describe('service quota', () => {
    it('samples exactly the quota per whole second, then the rate', () => {
      const state = new RuleState();
      state.quota = 3;
      state.quotaExpiresAt = T0 + 60_000;
      const second = Array.from({ length: 10 }, (_, i) => T0 + i * 90); // 10 requests within 0.9 s
      expect(run(state, second, 0, 10)).toEqual([
        'reservoir',
        'reservoir',
        'reservoir',
        ...Array(7).fill('not-sampled'),
      ]);
      expect(run(state, [T0 + 1000, T0 + 1001, T0 + 1002, T0 + 1003], 0, 10)).toEqual([
        'reservoir',
        'reservoir',
        'reservoir',
        'not-sampled',
      ]);
      expect(state.takeCounts()).toEqual({ requests: 14, sampled: 6, borrowed: 0 });
    });

    it('samples quota × seconds over a long run at a steady 50 req/s', () => {
      const state = new RuleState();
      state.quota = 7;
      state.quotaExpiresAt = T0 + 3_600_000;
      const times = Array.from({ length: 50 * 100 }, (_, i) => T0 + i * 20);
      const out = run(state, times, 0, 10);
      expect(out.filter((o) => o === 'reservoir')).toHaveLength(700);
    });

    it('stops using an expired quota and borrows again', () => {
      const state = new RuleState();
      state.quota = 5;
      state.quotaExpiresAt = T0 + 1000;
      expect(run(state, [T0 + 1000, T0 + 1000], 0, 10)).toEqual(['reservoir', 'reservoir']);
      expect(run(state, [T0 + 2001, T0 + 2002, T0 + 2003], 0, 10)).toEqual([
        'borrowed',
        'not-sampled',
        'not-sampled',
      ]);
      expect(state.hasQuota(T0 + 2001)).toBe(false);
    });

    it('uses the target rate instead of the rule rate once set', () => {
      const state = new RuleState();
      state.quota = 0;
      state.quotaExpiresAt = T0 + 60_000;
      state.rate = 1;
      expect(run(state, [T0, T0 + 1], 0, 10)).toEqual(['rate', 'rate']);
    });
  });

  describe('borrowing', () => {
    it('borrows one request per second without a quota when the rule has a reservoir', () => {
      const state = new RuleState();
      const times = [T0, T0 + 10, T0 + 999, T0 + 1000, T0 + 1500, T0 + 2000];
      expect(run(state, times, 0, 5)).toEqual([
        'borrowed',
        'not-sampled',
        'not-sampled',
        'borrowed',
        'not-sampled',
        'borrowed',
      ]);
      expect(state.takeCounts()).toEqual({ requests: 6, sampled: 3, borrowed: 3 });
      expect(state.takeCounts()).toEqual({ requests: 0, sampled: 0, borrowed: 0 });
    });

    it('never borrows for a rule with ReservoirSize 0', () => {
      const state = new RuleState();
      expect(run(state, [T0, T0 + 1000], 0, 0)).toEqual(['not-sampled', 'not-sampled']);
    });
  });

  describe('local fixed_target', () => {
    it('acts as a permanent per-second quota and never borrows', () => {
      const state = new RuleState();
      expect(run(state, [T0, T0 + 1, T0 + 2, T0 + 1000], 0, 0, 2)).toEqual([
        'reservoir',
        'reservoir',
        'not-sampled',
        'reservoir',
      ]);
    });
  });

  describe('fixed rate', () => {
    // 100,000 decisions at p = 0.05: mean 5,000, σ = √(n·p·(1−p)) ≈ 68.9; bound ±5σ ≈ ±345.
    it('samples FixedRate of 100,000 requests within 5σ of the binomial mean', () => {
      const state = new RuleState();
      const random = seededRandom(42);
      let sampledCount = 0;
      for (let i = 0; i < 100_000; i++) {
        if (state.decide(T0, random, 0.05, 0) === 'rate') sampledCount++;
      }
      const { low, high } = binomialBounds(100_000, 0.05);
      expect(sampledCount).toBeGreaterThan(low);
      expect(sampledCount).toBeLessThan(high);
    });

    it('samples nothing at 0 and everything at 1', () => {
      const random = seededRandom(7);
      const state = new RuleState();
      const zero = Array.from({ length: 1000 }, () => state.decide(T0, random, 0, 0));
      const one = Array.from({ length: 1000 }, () => state.decide(T0, random, 1, 0));
      expect(zero.every((o) => o === 'not-sampled')).toBe(true);
      expect(one.every((o) => o === 'rate')).toBe(true);
    });
  });
});
