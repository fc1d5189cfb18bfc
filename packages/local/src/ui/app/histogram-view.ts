/// <reference lib="dom" />
// Draws a histogram as SVG bars with its range under it. With `onRange`, dragging across the bars
// selects a span of bins (shown as a band) and reports the seconds it covers on release; a plain
// click selects one bin.
import { formatDurationMs, groupThousands } from '../lib/format.ts';
import { binAt, binRange } from '../lib/histogram.ts';
import type { Bins } from '../lib/histogram.ts';
import { h, replace, s } from './dom.ts';

const WIDTH = 600;
const HEIGHT = 120;

/** Renders `bins` into `host`; `onRange` makes it draggable. */
export function renderHistogram(
  host: HTMLElement,
  bins: Bins,
  options: { empty: string; onRange?: (from: number, to: number) => void },
): void {
  const n = bins.counts.length;
  if (n === 0) {
    replace(host, h('p', { class: 'muted' }, options.empty));
    return;
  }
  const max = Math.max(...bins.counts);
  const step = WIDTH / n;
  const bars = bins.counts.map((count, i) => {
    const height = count === 0 ? 0 : Math.max(1, (count / max) * (HEIGHT - 4));
    const { from, to } = binRange(bins, i, i);
    return s(
      'rect',
      { x: i * step + 0.5, y: HEIGHT - height, width: Math.max(0.5, step - 1), height },
      { class: 'bar', data: { count: String(count) } },
      s('title', {}, undefined, `${formatDurationMs(from)} – ${formatDurationMs(to)}: ${count}`),
    );
  });
  const band = s('rect', { x: 0, y: 0, width: 0, height: HEIGHT }, { class: 'band' });
  band.setAttribute('visibility', 'hidden');
  const svg = s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none' },
    { class: options.onRange === undefined ? 'hist' : 'hist draggable' },
    ...bars,
    band,
  );
  const hi = bins.lo + n * bins.width;
  replace(
    host,
    svg,
    h(
      'div',
      { class: 'axis muted' },
      h('span', undefined, formatDurationMs(bins.lo)),
      h('span', undefined, `max ${groupThousands(max)} per bar`),
      h('span', undefined, formatDurationMs(hi)),
    ),
  );
  const onRange = options.onRange;
  if (onRange !== undefined) draggable(svg, band, bins, step, onRange);
}

function draggable(
  svg: SVGElement,
  band: SVGElement,
  bins: Bins,
  step: number,
  onRange: (from: number, to: number) => void,
): void {
  let start: number | undefined;
  const binOf = (event: PointerEvent): number => {
    const box = svg.getBoundingClientRect();
    return binAt(bins, (event.clientX - box.left) / box.width);
  };
  const show = (a: number, b: number): void => {
    band.setAttribute('x', String(Math.min(a, b) * step));
    band.setAttribute('width', String((Math.abs(a - b) + 1) * step));
    band.setAttribute('visibility', 'visible');
  };
  svg.addEventListener('pointerdown', (event) => {
    start = binOf(event);
    svg.setPointerCapture(event.pointerId);
    show(start, start);
  });
  svg.addEventListener('pointermove', (event) => {
    if (start !== undefined) show(start, binOf(event));
  });
  svg.addEventListener('pointerup', (event) => {
    if (start === undefined) return;
    const { from, to } = binRange(bins, start, binOf(event));
    start = undefined;
    onRange(from, to);
  });
  svg.addEventListener('pointercancel', () => {
    start = undefined;
    band.setAttribute('visibility', 'hidden');
  });
}
