// Zoom and pan of the service map as SVG view-box arithmetic: zoom about a point, pan by a
// distance, and the page-to-map coordinate mapping under `preserveAspectRatio="xMidYMid meet"`.
// Pure.

/** An SVG view box: the map area shown. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Zoom limits relative to the fitted box: 8× in, 4× out. */
export const ZOOM_LIMITS = { in: 8, out: 4 } as const;

/**
 * The box zoomed by `factor` (> 1 zooms in) about `at` (map coordinates), which stays at the same
 * place on screen; clamped to {@link ZOOM_LIMITS} of `fit`.
 * @example zoomAt({ x: 0, y: 0, width: 100, height: 50 }, 2, { x: 0, y: 0 }, fit) // 50 × 25 at 0,0
 */
export function zoomAt(
  box: ViewBox,
  factor: number,
  at: { x: number; y: number },
  fit: ViewBox,
): ViewBox {
  if (!(factor > 0) || !Number.isFinite(factor)) return box;
  const min = fit.width / ZOOM_LIMITS.in;
  const max = fit.width * ZOOM_LIMITS.out;
  const width = Math.min(max, Math.max(min, box.width / factor));
  const k = width / box.width;
  return {
    x: at.x - (at.x - box.x) * k,
    y: at.y - (at.y - box.y) * k,
    width,
    height: box.height * k,
  };
}

/** The box moved so the map follows a drag of `dx`, `dy` (map units). */
export function panBy(box: ViewBox, dx: number, dy: number): ViewBox {
  return { ...box, x: box.x - dx, y: box.y - dy };
}

/** Map units per screen pixel of `box` drawn in a `width` × `height` element (meet scaling). */
export function unitsPerPixel(box: ViewBox, width: number, height: number): number {
  if (width <= 0 || height <= 0) return 1;
  return Math.max(box.width / width, box.height / height);
}

/**
 * The map point under a screen point, `rect` being the element's client rectangle: meet scaling
 * centres the box, so the spare room is split evenly on both sides.
 */
export function screenToMap(
  box: ViewBox,
  rect: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const u = unitsPerPixel(box, rect.width, rect.height);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return {
    x: cx + (clientX - rect.left - rect.width / 2) * u,
    y: cy + (clientY - rect.top - rect.height / 2) * u,
  };
}

/** The box as a `viewBox` attribute. */
export function formatViewBox(box: ViewBox): string {
  return [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 100) / 100).join(' ');
}
