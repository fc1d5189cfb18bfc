import { wrapLine } from './line-width.ts';

/**
 * Progress lines `[  2.1 s] what (took)` timed from the process start (performance.now()),
 * wrapped to the demo's width with continuation lines under `what`.
 */
export function progressLine(what: string, tookMs?: number): string {
  const at = `[${`${(performance.now() / 1000).toFixed(1)} s`.padStart(7)}] `;
  const took = tookMs === undefined ? '' : ` (${formatMs(tookMs)})`;
  return wrapLine(`${at}${what}${took}`, undefined, at.length);
}

/** `850 ms` or `2.31 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
