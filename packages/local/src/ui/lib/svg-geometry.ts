// SVG path strings for the map: edge routes and the outcome ring around a node.
import type { Point } from './map-layout.ts';

function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/**
 * A smooth path through the points: straight to the first midpoint, quadratic curves through
 * the inner points, straight to the end. Fewer than two points give an empty path.
 */
export function routePath(points: readonly Point[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) return '';
  if (points.length === 2) return `M${n(first.x)},${n(first.y)} L${n(last.x)},${n(last.y)}`;
  let d = `M${n(first.x)},${n(first.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i] as Point;
    const next = points[i + 1] as Point;
    const mid = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    d += ` Q${n(p.x)},${n(p.y)} ${n(mid.x)},${n(mid.y)}`;
  }
  return d;
}

/**
 * An arc of a circle from `from` to `to` (fractions of a full turn, clockwise from 12 o'clock).
 * A full turn is drawn as two half arcs, since one SVG arc cannot close on itself.
 */
export function arcPath(cx: number, cy: number, r: number, from: number, to: number): string {
  if (to - from >= 1) {
    return `${arcPath(cx, cy, r, 0, 0.5)} ${arcPath(cx, cy, r, 0.5, 1)}`;
  }
  const at = (f: number): Point => ({
    x: cx + r * Math.sin(2 * Math.PI * f),
    y: cy - r * Math.cos(2 * Math.PI * f),
  });
  const a = at(from);
  const b = at(to);
  const large = to - from > 0.5 ? 1 : 0;
  return `M${n(a.x)},${n(a.y)} A${n(r)},${n(r)} 0 ${large} 1 ${n(b.x)},${n(b.y)}`;
}
