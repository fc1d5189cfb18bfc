import type { HistogramShape, StatisticsShape } from './api-types.ts';
import type { Sample } from './graph-samples.ts';

/**
 * Accumulates `SummaryStatistics` and histograms over samples (spec §7): only completed samples
 * count; a fault takes precedence over an error; throttles count as errors.
 */
export class StatsAccumulator {
  ok = 0;
  errors = 0;
  throttles = 0;
  faults = 0;
  total = 0;
  responseTime = 0;
  start = Number.POSITIVE_INFINITY;
  end = 0;
  readonly #histogram = new Map<number, number>();

  /** Adds one sample. */
  add(s: Sample): void {
    if (s.start < this.start) this.start = s.start;
    if (s.end === undefined) return;
    if (s.end > this.end) this.end = s.end;
    this.total++;
    if (s.fault) this.faults++;
    else if (s.error || s.throttle) {
      this.errors++;
      if (s.throttle) this.throttles++;
    } else this.ok++;
    const took = Math.max(0, s.end - s.start);
    this.responseTime += took;
    const key = Math.round(took * 1000) / 1000;
    this.#histogram.set(key, (this.#histogram.get(key) ?? 0) + 1);
  }

  /** The API's statistics object. */
  statistics(): StatisticsShape {
    return {
      OkCount: this.ok,
      ErrorStatistics: {
        ThrottleCount: this.throttles,
        OtherCount: this.errors - this.throttles,
        TotalCount: this.errors,
      },
      FaultStatistics: { OtherCount: this.faults, TotalCount: this.faults },
      TotalCount: this.total,
      TotalResponseTime: Math.round(this.responseTime * 1e6) / 1e6,
    };
  }

  /** One `{Value, Count}` per distinct duration (ms precision). */
  histogram(): HistogramShape {
    return [...this.#histogram].map(([Value, Count]) => ({ Value, Count }));
  }

  /** Earliest start / latest end, when any sample was added. */
  times(): { StartTime?: number; EndTime?: number } {
    return Number.isFinite(this.start)
      ? { StartTime: this.start, EndTime: Math.max(this.end, this.start) }
      : {};
  }
}
