import { describe, expect, it } from 'vitest';
import { arcPath, routePath } from '../../src/ui/lib/svg-geometry.ts';

describe('svg geometry', () => {
  describe('routePath', () => {
    it('draws a straight line between two points', () => {
      expect(
        routePath([
          { x: 0, y: 0 },
          { x: 10.04, y: 5 },
        ]),
      ).toBe('M0,0 L10,5');
    });
    it('curves through inner points and ends on the last point', () => {
      const d = routePath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 20, y: 10 },
        { x: 30, y: 10 },
      ]);
      expect(d).toBe('M0,0 Q10,0 15,5 Q20,10 30,10');
    });
    it('gives nothing for fewer than two points', () => {
      expect(routePath([])).toBe('');
      expect(routePath([{ x: 1, y: 1 }])).toBe('');
    });
  });

  describe('arcPath', () => {
    it('draws a quarter from 12 to 3 o’clock', () => {
      expect(arcPath(0, 0, 10, 0, 0.25)).toBe('M0,-10 A10,10 0 0 1 10,0');
    });
    it('sets the large-arc flag past half a turn', () => {
      expect(arcPath(0, 0, 10, 0, 0.75)).toBe('M0,-10 A10,10 0 1 1 -10,0');
    });
    it('draws a full turn as two half arcs', () => {
      expect(arcPath(0, 0, 10, 0, 1)).toBe('M0,-10 A10,10 0 0 1 0,10 M0,10 A10,10 0 0 1 0,-10');
    });
  });
});
