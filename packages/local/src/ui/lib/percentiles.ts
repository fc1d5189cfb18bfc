// Numbers of a map node or edge for its panel: request count, error/fault/throttle rates and
// p50/p90/p99 read from the `{Value, Count}` histogram GetServiceGraph returns. Pure.
import type { HistogramEntry, Stats } from './wire-types.ts';

/**
 * The `p`-th percentile (0 < p ≤ 100) of a histogram, by nearest rank: the smallest value with at
 * least `ceil(p/100 × total)` counts at or below it. `undefined` for an empty histogram.
 * @example histogramPercentile([{ Value: 0.1, Count: 9 }, { Value: 2, Count: 1 }], 90) === 0.1
 */
export function histogramPercentile(
  histogram: readonly HistogramEntry[] | undefined,
  p: number,
): number | undefined {
  const entries = (histogram ?? [])
    .filter((e) => Number.isFinite(e.Value) && (e.Count ?? 0) > 0)
    .map((e) => ({ value: e.Value ?? 0, count: e.Count ?? 0 }))
    .sort((a, b) => a.value - b.value);
  const total = entries.reduce((n, e) => n + e.count, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * total));
  let seen = 0;
  for (const e of entries) {
    seen += e.count;
    if (seen >= rank) return e.value;
  }
  return entries[entries.length - 1]?.value;
}

/** What the panel shows. Rates are fractions of `requests` (0 when there is none). */
export interface PanelNumbers {
  requests: number;
  okRate: number;
  errorRate: number;
  throttleRate: number;
  faultRate: number;
  /** Mean response time, seconds. */
  mean: number | undefined;
  p50: number | undefined;
  p90: number | undefined;
  p99: number | undefined;
}

/** The panel's numbers from `SummaryStatistics` and a response-time histogram. */
export function panelNumbers(
  stats: Stats | undefined,
  histogram: readonly HistogramEntry[] | undefined,
): PanelNumbers {
  const requests = stats?.TotalCount ?? 0;
  const rate = (n: number | undefined): number => (requests > 0 ? (n ?? 0) / requests : 0);
  return {
    requests,
    okRate: rate(stats?.OkCount),
    // X-Ray counts throttles among errors; the panel shows both, as the console does.
    errorRate: rate(stats?.ErrorStatistics?.TotalCount),
    throttleRate: rate(stats?.ErrorStatistics?.ThrottleCount),
    faultRate: rate(stats?.FaultStatistics?.TotalCount),
    mean:
      requests > 0 && stats?.TotalResponseTime !== undefined
        ? stats.TotalResponseTime / requests
        : undefined,
    p50: histogramPercentile(histogram, 50),
    p90: histogramPercentile(histogram, 90),
    p99: histogramPercentile(histogram, 99),
  };
}

/** A rate as a percentage with one decimal: `12.5 %`. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
