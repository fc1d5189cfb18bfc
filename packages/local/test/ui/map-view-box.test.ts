import { describe, expect, it } from 'vitest';
import {
  formatViewBox,
  panBy,
  screenToMap,
  unitsPerPixel,
  zoomAt,
} from '../../src/ui/lib/map-view-box.ts';

const fit = { x: 0, y: 0, width: 800, height: 400 };

describe('map-view-box', () => {
  describe('zoomAt', () => {
    it('keeps the point under the cursor in place', () => {
      const at = { x: 200, y: 100 };
      const z = zoomAt(fit, 2, at, fit);
      expect(z).toEqual({ x: 100, y: 50, width: 400, height: 200 });
      // The point's share of the box is unchanged.
      expect((at.x - z.x) / z.width).toBe((at.x - fit.x) / fit.width);
    });

    it('clamps to 8× in and 4× out of the fitted box', () => {
      expect(zoomAt(fit, 100, { x: 0, y: 0 }, fit).width).toBe(100);
      expect(zoomAt(fit, 0.01, { x: 0, y: 0 }, fit).width).toBe(3200);
    });

    it('ignores a bad factor', () => {
      expect(zoomAt(fit, Number.NaN, { x: 0, y: 0 }, fit)).toBe(fit);
      expect(zoomAt(fit, 0, { x: 0, y: 0 }, fit)).toBe(fit);
    });
  });

  describe('panBy', () => {
    it('moves the box against the drag', () => {
      expect(panBy(fit, 10, -5)).toEqual({ x: -10, y: 5, width: 800, height: 400 });
    });
  });

  describe('screenToMap', () => {
    it('maps through meet scaling, centred', () => {
      const rect = { left: 10, top: 20, width: 400, height: 400 };
      expect(unitsPerPixel(fit, 400, 400)).toBe(2);
      // The element is taller than the box needs: the box sits in the middle.
      expect(screenToMap(fit, rect, 210, 220)).toEqual({ x: 400, y: 200 });
      expect(screenToMap(fit, rect, 10, 120)).toEqual({ x: 0, y: 0 });
    });
  });

  describe('formatViewBox', () => {
    it('rounds to hundredths', () => {
      expect(formatViewBox({ x: 1 / 3, y: 0, width: 10.005, height: 2 })).toBe('0.33 0 10.01 2');
    });
  });
});
