import { describe, expect, it } from 'vitest';
import { buildTimelineRows, parseTraceDocuments } from '../../src/ui/lib/timeline.ts';
import type { TimelineRow } from '../../src/ui/lib/timeline.ts';
import {
  barPlacement,
  MIN_BAR_PCT,
  rowOffset,
  tickStepMs,
  timelineScale,
  timeTicks,
} from '../../src/ui/lib/timeline-scale.ts';
import { fixtureTrace } from './support/fixtures.ts';

const rows = buildTimelineRows(parseTraceDocuments(fixtureTrace()));
const by = (name: string): TimelineRow => rows.find((r) => r.name === name)!;

describe('timeline scale', () => {
  describe('timelineScale', () => {
    it('spans the first start to the last end', () => {
      const scale = timelineScale(rows);
      expect(scale.start).toBe(1_700_000_000);
      expect(scale.seconds).toBeCloseTo(0.21);
      expect(scale.end).toBeCloseTo(1_700_000_000.21);
    });
    it('never has a zero span', () => {
      expect(timelineScale([]).seconds).toBeGreaterThan(0);
      expect(timelineScale([{ ...by('orders'), end: by('orders').start }]).seconds).toBe(0.001);
    });
  });

  describe('barPlacement', () => {
    const scale = timelineScale(rows);
    it('places a bar by its offset and duration', () => {
      const p = barPlacement(by('inventory'), scale);
      expect(p.leftPct).toBeCloseTo((0.06 / 0.21) * 100);
      expect(p.widthPct).toBeCloseTo((0.1 / 0.21) * 100);
    });
    it('starts the root at 0 and ends the last segment at 100 %', () => {
      expect(barPlacement(by('orders'), scale).leftPct).toBe(0);
      const last = barPlacement(by('shipping'), scale);
      expect(last.leftPct + last.widthPct).toBeCloseTo(100);
    });
    it('stretches an in-progress row to the end', () => {
      const p = barPlacement(by('db-lock'), scale);
      expect(p.leftPct + p.widthPct).toBeCloseTo(100);
    });
    it('keeps tiny bars visible and inside the track', () => {
      const tiny = { ...by('shipping'), start: scale.end, end: scale.end };
      const p = barPlacement(tiny, scale);
      expect(p.widthPct).toBe(MIN_BAR_PCT);
      expect(p.leftPct + p.widthPct).toBeLessThanOrEqual(100);
    });
  });

  describe('rowOffset', () => {
    it('is the time since the trace start', () => {
      expect(rowOffset(by('SQS'), timelineScale(rows))).toBeCloseTo(0.092);
    });
  });

  describe('tickStepMs', () => {
    it('picks 1, 2 or 5 times a power of ten', () => {
      expect(tickStepMs(210, 6)).toBe(50);
      expect(tickStepMs(1000, 5)).toBe(200);
      expect(tickStepMs(7, 6)).toBe(2);
      expect(tickStepMs(0.3, 6)).toBe(0.05);
      expect(tickStepMs(95_000, 6)).toBe(20_000);
    });
  });

  describe('timeTicks', () => {
    it('labels ticks in milliseconds from 0 to the end', () => {
      const ticks = timeTicks(timelineScale(rows));
      expect(ticks.map((t) => t.label)).toEqual(['0 ms', '50 ms', '100 ms', '150 ms', '200 ms']);
      expect(ticks[0]!.pct).toBe(0);
      expect(ticks.at(-1)!.pct).toBeCloseTo((200 / 210) * 100);
    });
    it('uses decimals for sub-millisecond steps and separators for long spans', () => {
      expect(timeTicks({ start: 0, end: 0.0003, seconds: 0.0003 }).map((t) => t.label)[1]).toBe(
        '0.05 ms',
      );
      expect(timeTicks({ start: 0, end: 12, seconds: 12 }).map((t) => t.label)[1]).toBe('2,000 ms');
    });
  });
});
