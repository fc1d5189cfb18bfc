import { describe, expect, it } from 'vitest';
import { subtreeSizes, toggled, visibleRows } from '../../src/ui/lib/collapse.ts';

// a
//   b
//     c
//   d
// e
const rows = [
  { id: 'a', depth: 0 },
  { id: 'b', depth: 1 },
  { id: 'c', depth: 2 },
  { id: 'd', depth: 1 },
  { id: 'e', depth: 0 },
];
const ids = (r: Array<{ id: string }>): string[] => r.map((x) => x.id);

describe('collapse', () => {
  describe('subtreeSizes', () => {
    it('counts the rows under each row that has children', () => {
      expect(subtreeSizes(rows)).toEqual(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      );
      expect(subtreeSizes([])).toEqual(new Map());
    });
  });

  describe('visibleRows', () => {
    it('hides the subtree of a collapsed row and keeps the row', () => {
      expect(ids(visibleRows(rows, new Set(['b'])))).toEqual(['a', 'b', 'd', 'e']);
      expect(ids(visibleRows(rows, new Set(['a'])))).toEqual(['a', 'e']);
    });

    it('keeps everything with nothing collapsed, or only leaves collapsed', () => {
      expect(ids(visibleRows(rows, new Set()))).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(ids(visibleRows(rows, new Set(['c', 'e'])))).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('hides a nested collapsed row with its collapsed parent, and shows it collapsed again', () => {
      const both = new Set(['a', 'b']);
      expect(ids(visibleRows(rows, both))).toEqual(['a', 'e']);
      expect(ids(visibleRows(rows, toggled(both, 'a')))).toEqual(['a', 'b', 'd', 'e']);
    });
  });

  describe('toggled', () => {
    it('adds or removes an ID without touching the original set', () => {
      const start = new Set(['a']);
      expect(toggled(start, 'b')).toEqual(new Set(['a', 'b']));
      expect(toggled(start, 'a')).toEqual(new Set());
      expect(start).toEqual(new Set(['a']));
    });
  });
});
