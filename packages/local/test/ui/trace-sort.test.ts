import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  formatSort,
  isDefaultSort,
  parseSort,
  sortSummaries,
  toggleSort,
} from '../../src/ui/lib/trace-sort.ts';
import type { TraceSummary } from '../../src/ui/lib/wire-types.ts';

const rows: TraceSummary[] = [
  { Id: 'a', StartTime: 100, Duration: 0.5, ResponseTime: 0.4 },
  { Id: 'b', StartTime: 300, Duration: 0.1, ResponseTime: 0.1, HasError: true },
  {
    Id: 'c',
    StartTime: 200,
    Duration: 2,
    ResponseTime: 0.2,
    FaultRootCauses: [{ Services: [{ Name: 'inventory' }] }],
  },
  { Id: 'd', StartTime: 250, Duration: 0.5, HasThrottle: true },
];
const ids = (list: TraceSummary[]): Array<string | undefined> => list.map((t) => t.Id);

describe('trace sort', () => {
  describe('sortSummaries', () => {
    it('orders by start time, newest first by default', () => {
      expect(ids(sortSummaries(rows, DEFAULT_SORT))).toEqual(['b', 'd', 'c', 'a']);
    });
    it('orders by duration both ways, ties newest first', () => {
      expect(ids(sortSummaries(rows, { key: 'duration', dir: 'desc' }))).toEqual([
        'c',
        'd',
        'a',
        'b',
      ]);
      expect(ids(sortSummaries(rows, { key: 'duration', dir: 'asc' }))).toEqual([
        'b',
        'd',
        'a',
        'c',
      ]);
    });
    it('puts a trace without response time last when descending', () => {
      expect(ids(sortSummaries(rows, { key: 'response', dir: 'desc' }))).toEqual([
        'a',
        'c',
        'b',
        'd',
      ]);
    });
    it('orders by status worst first, a downstream fault counting as fault', () => {
      expect(ids(sortSummaries(rows, { key: 'status', dir: 'desc' }))).toEqual([
        'c',
        'd',
        'b',
        'a',
      ]);
    });
    it('leaves its input unchanged', () => {
      const copy = [...rows];
      sortSummaries(rows, { key: 'duration', dir: 'asc' });
      expect(rows).toEqual(copy);
    });
  });

  describe('toggleSort', () => {
    it('flips the direction of the same column and starts another descending', () => {
      expect(toggleSort(DEFAULT_SORT, 'time')).toEqual({ key: 'time', dir: 'asc' });
      expect(toggleSort({ key: 'time', dir: 'asc' }, 'time')).toEqual(DEFAULT_SORT);
      expect(toggleSort(DEFAULT_SORT, 'duration')).toEqual({ key: 'duration', dir: 'desc' });
    });
  });

  describe('parseSort', () => {
    it('reads what formatSort writes and rejects anything else', () => {
      for (const key of ['time', 'duration', 'response', 'status'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          expect(parseSort(formatSort({ key, dir }))).toEqual({ key, dir });
        }
      }
      for (const bad of ['', 'duration', 'id.asc', 'duration.up', null, undefined]) {
        expect(parseSort(bad)).toBeUndefined();
      }
    });
    it('knows the default order', () => {
      expect(isDefaultSort(undefined)).toBe(true);
      expect(isDefaultSort(DEFAULT_SORT)).toBe(true);
      expect(isDefaultSort({ key: 'time', dir: 'asc' })).toBe(false);
    });
  });
});
