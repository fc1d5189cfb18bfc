/// <reference lib="dom" />
// Draws requests and faults over the window as SVG bars: requests in the accent colour, the
// faulted part of each bar in the fault colour.
import { formatClock, groupThousands } from '../lib/format.ts';
import type { TimeBuckets } from '../lib/time-buckets.ts';
import { h, replace, s } from './dom.ts';

const WIDTH = 600;
const HEIGHT = 120;

/** Renders `buckets` into `host`; times are shown `offsetMinutes` east of UTC. */
export function renderTimeSeries(
  host: HTMLElement,
  buckets: TimeBuckets,
  offsetMinutes: number,
): void {
  const n = buckets.requests.length;
  const max = Math.max(0, ...buckets.requests);
  if (max === 0) {
    replace(host, h('p', { class: 'muted' }, 'No traces in this window.'));
    return;
  }
  const step = WIDTH / n;
  const bars = buckets.requests.flatMap((count, i) => {
    const faults = buckets.faults[i] ?? 0;
    const at = formatClock(buckets.start + i * buckets.width, offsetMinutes).slice(0, 8);
    const tall = (c: number): number => (c === 0 ? 0 : Math.max(1, (c / max) * (HEIGHT - 4)));
    const x = i * step + 0.5;
    const width = Math.max(0.5, step - 1);
    return [
      s(
        'rect',
        { x, y: HEIGHT - tall(count), width, height: tall(count) },
        { class: 'requests', data: { count: String(count), faults: String(faults) } },
        s('title', {}, undefined, `${at}: ${count} requests, ${faults} faults`),
      ),
      faults === 0
        ? null
        : s(
            'rect',
            { x, y: HEIGHT - tall(faults), width, height: tall(faults) },
            { class: 'faults' },
          ),
    ];
  });
  const end = buckets.start + n * buckets.width;
  replace(
    host,
    s(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none' },
      { class: 'series', attrs: { role: 'img', 'aria-label': 'Requests and faults over time' } },
      ...bars.filter((b) => b !== null),
    ),
    h(
      'div',
      { class: 'axis muted' },
      h('span', undefined, formatClock(buckets.start, offsetMinutes).slice(0, 8)),
      h('span', undefined, `max ${groupThousands(max)} per bar`),
      h('span', undefined, formatClock(end, offsetMinutes).slice(0, 8)),
    ),
  );
}
