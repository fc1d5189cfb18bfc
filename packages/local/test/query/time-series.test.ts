import { describe, expect, it } from 'vitest';
import { analyseTrace } from '../../src/query/analyse-trace.ts';
import type { GraphSamples } from '../../src/query/graph-samples.ts';
import { timeSeries } from '../../src/query/time-series.ts';
import { StoredTrace } from '../../src/store/stored-trace.ts';
import { segment, traceId } from '../helpers/documents.ts';

/** One trace per end time: a root segment `svc` from `end - 0.25` to `end`. */
function graphs(ends: number[]): GraphSamples[] {
  return ends.map((end) => {
    const id = traceId(Math.floor(end));
    const trace = new StoredTrace(id);
    const doc = segment({ trace: id, name: 'svc', start: end - 0.25, end });
    trace.add({
      traceId: id,
      id: doc.id as string,
      raw: JSON.stringify(doc),
      independent: false,
      startTime: end - 0.25,
      endTime: end,
      receivedAt: 0,
    });
    return analyseTrace(trace)!.graph;
  });
}

const counts = (points: ReturnType<typeof timeSeries>) =>
  points.map((p) => [p.Timestamp, p.ServiceSummaryStatistics?.TotalCount]);

describe('timeSeries', () => {
  describe('bucket boundaries', () => {
    it('puts buckets on multiples of the period counted from the epoch, not from StartTime', () => {
      // StartTime 1_000_030 is 10 s past a minute boundary (1_000_020 = 16_667 × 60).
      const window = { start: 1_000_030, end: 1_000_200 };
      const points = timeSeries(
        graphs([1_000_035, 1_000_079, 1_000_080, 1_000_199]),
        window,
        60,
        undefined,
      );
      expect(counts(points)).toEqual([
        [1_000_020, 2],
        [1_000_080, 1],
        [1_000_140, 1],
      ]);
      for (const p of points) expect(p.Timestamp % 60).toBe(0);
    });

    it('gives two windows that start at different times the same buckets where they overlap', () => {
      const data = graphs([1_000_070, 1_000_150, 1_000_290]);
      const a = timeSeries(data, { start: 1_000_005, end: 1_000_400 }, 120, undefined);
      const b = timeSeries(data, { start: 1_000_075, end: 1_000_400 }, 120, undefined);
      expect(counts(a)).toEqual([
        [999_960, 1],
        [1_000_080, 1],
        [1_000_200, 1],
      ]);
      expect(counts(b)).toEqual(counts(a).slice(1));
      for (const p of [...a, ...b]) expect(p.Timestamp % 120).toBe(0);
    });

    it('counts only samples that ended inside the window, even in a bucket that starts before it', () => {
      const window = { start: 1_000_030, end: 1_000_090 };
      const points = timeSeries(graphs([1_000_025, 1_000_031, 1_000_090]), window, 60, undefined);
      expect(counts(points)).toEqual([[1_000_020, 1]]);
    });
  });
});
