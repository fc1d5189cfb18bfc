import { describe, expect, it } from 'vitest';
import { mergePoints, toColumns } from '../../src/ui/lib/point-set.ts';
import type { TracePoints } from '../../src/ui/lib/wire-types.ts';

const cols = (rows: Array<[string, number, number | null, number]>): TracePoints => ({
  Id: rows.map((r) => r[0]),
  StartTime: rows.map((r) => r[1]),
  ResponseTime: rows.map((r) => r[2]),
  Fault: rows.map((r) => r[3]),
});

describe('point-set', () => {
  describe('mergePoints', () => {
    it('adds new traces and replaces changed ones by ID', () => {
      const base = mergePoints(
        new Map(),
        cols([
          ['a', 10, 0.1, 0],
          ['b', 11, null, 0],
        ]),
        0,
      );
      const merged = mergePoints(
        base,
        cols([
          ['b', 11, 0.5, 1],
          ['c', 12, 0.2, 0],
        ]),
        0,
      );
      expect([...merged.keys()].sort()).toEqual(['a', 'b', 'c']);
      expect(merged.get('b')).toEqual({ start: 11, responseTime: 0.5, fault: 1 });
      // The base is left as it was.
      expect(base.get('b')).toEqual({ start: 11, responseTime: null, fault: 0 });
      expect(base.size).toBe(2);
    });

    it('drops traces that started before the window', () => {
      const base = mergePoints(
        new Map(),
        cols([
          ['old', 5, 0.1, 0],
          ['new', 20, 0.1, 0],
        ]),
        0,
      );
      expect([...mergePoints(base, cols([]), 10).keys()]).toEqual(['new']);
    });

    it('skips malformed entries and a delta without IDs', () => {
      const bad = {
        Id: ['x', 7 as unknown as string],
        StartTime: [1, 2],
        ResponseTime: [null, null],
        Fault: [3, 1],
      };
      const merged = mergePoints(new Map(), bad, 0);
      expect([...merged]).toEqual([['x', { start: 1, responseTime: null, fault: 0 }]]);
      const noIds = { StartTime: [1], ResponseTime: [0.1], Fault: [0] };
      expect(mergePoints(new Map(), noIds, 0).size).toBe(0);
    });
  });

  describe('toColumns', () => {
    it('gives one column entry per trace, aligned', () => {
      const set = mergePoints(
        new Map(),
        cols([
          ['a', 1, 0.1, 0],
          ['b', 2, null, 1],
        ]),
        0,
      );
      expect(toColumns(set)).toEqual(
        cols([
          ['a', 1, 0.1, 0],
          ['b', 2, null, 1],
        ]),
      );
    });
  });
});
