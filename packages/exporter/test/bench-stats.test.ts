import { describe, expect, it } from 'vitest';
import { formatRatio, judgeRatio, spread } from '../bench/support/bench-stats.ts';

describe('bench ratios beside their goals', () => {
  it('prints two decimals unless they would read as the goal itself', () => {
    expect(formatRatio(1.2966, 1.3)).toBe('1.297');
    expect(formatRatio(1.3042, 1.3)).toBe('1.304');
    expect(formatRatio(1.3, 1.3)).toBe('1.30');
    expect(formatRatio(1.27, 1.3)).toBe('1.27');
    expect(formatRatio(0.8512, 0.85)).toBe('0.851');
  });

  it('judges the median, not its rounding', () => {
    const missed = judgeRatio(spread([1.11, 1.2966, 1.59]), 1.3);
    expect(missed).toBe('1.297 [1.11–1.59]× MISSED (goal ≥ 1.3)');
    expect(judgeRatio(spread([1.4, 1.5, 1.6]), 1.3)).toBe('1.50 [1.40–1.60]× ok (goal ≥ 1.3)');
  });

  it('takes the mean of the two middle rounds for an even count', () => {
    expect(spread([4, 1, 3, 2]).median).toBe(2.5);
    expect(Number.isNaN(spread([]).median)).toBe(true);
  });
});
