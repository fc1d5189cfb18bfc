// Timeline math: the time span of a waterfall, where each bar sits, and the axis ticks.
import { groupThousands } from './format.ts';
import type { TimelineRow } from './timeline.ts';

/** The span the waterfall covers, epoch seconds. */
export interface TimelineScale {
  start: number;
  end: number;
  /** `end − start`, never 0 (a 1 ms floor keeps the percentages finite). */
  seconds: number;
}

/** Placement of one bar, in percent of the track width. */
export interface BarPlacement {
  leftPct: number;
  widthPct: number;
}

/** One axis tick: offset from the trace start and its place on the track. */
export interface Tick {
  ms: number;
  pct: number;
  label: string;
}

/** Smallest bar width, so that sub-millisecond calls stay visible and clickable. */
export const MIN_BAR_PCT = 0.4;

/** The span of all rows; in-progress rows end at the latest known instant. */
export function timelineScale(rows: readonly TimelineRow[]): TimelineScale {
  if (rows.length === 0) return { start: 0, end: 0.001, seconds: 0.001 };
  let start = Infinity;
  let end = -Infinity;
  for (const row of rows) {
    start = Math.min(start, row.start);
    end = Math.max(end, row.end ?? row.start);
  }
  const seconds = Math.max(end - start, 0.001);
  return { start, end: start + seconds, seconds };
}

/** Where a row's bar sits. An in-progress row stretches to the end of the scale. */
export function barPlacement(row: TimelineRow, scale: TimelineScale): BarPlacement {
  const end = row.end ?? scale.end;
  const leftPct = clamp(((row.start - scale.start) / scale.seconds) * 100, 0, 100 - MIN_BAR_PCT);
  const rawWidth = (Math.max(end - row.start, 0) / scale.seconds) * 100;
  return { leftPct, widthPct: clamp(rawWidth, MIN_BAR_PCT, 100 - leftPct) };
}

/** Offset of a row's start from the trace start, seconds. */
export function rowOffset(row: TimelineRow, scale: TimelineScale): number {
  return row.start - scale.start;
}

/** The smallest step of 1, 2 or 5 × 10^k milliseconds that gives at most `maxTicks` intervals. */
export function tickStepMs(totalMs: number, maxTicks: number): number {
  const rough = totalMs / Math.max(1, maxTicks);
  let power = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-6)));
  for (;;) {
    for (const m of [1, 2, 5]) {
      if (m * power >= rough) return m * power;
    }
    power *= 10;
  }
}

/** Axis ticks from 0 to the end of the scale, labelled in milliseconds. */
export function timeTicks(scale: TimelineScale, maxTicks = 6): Tick[] {
  const totalMs = scale.seconds * 1000;
  const step = tickStepMs(totalMs, maxTicks);
  const decimals = step >= 1 ? 0 : Math.ceil(-Math.log10(step));
  const ticks: Tick[] = [];
  for (let i = 0; i * step <= totalMs + 1e-9; i++) {
    const ms = i * step;
    const text = decimals === 0 ? groupThousands(Math.round(ms)) : ms.toFixed(decimals);
    ticks.push({ ms, pct: (ms / totalMs) * 100, label: `${text} ms` });
  }
  return ticks;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
