import { describe, expect, it } from 'vitest';
import { leftWindow, needsReload } from '../../src/ui/lib/refresh-plan.ts';
import type { Loaded, Wanted } from '../../src/ui/lib/refresh-plan.ts';

const loaded: Loaded = { version: '10/0/0', list: 'q', at: 1_000_000 };
const wanted = (over: Partial<Wanted> = {}): Wanted => ({
  version: '10/0/0',
  list: 'q',
  now: 1_003_000,
  windowStart: 900,
  starts: [950, 1000],
  ...over,
});

describe('refresh-plan', () => {
  describe('needsReload', () => {
    it('keeps what is shown when nothing changed', () => {
      expect(needsReload(loaded, wanted(), 30_000)).toBe(false);
    });
    it('reloads when a document was stored, a trace evicted or expired', () => {
      expect(needsReload(loaded, wanted({ version: '11/0/0' }), 30_000)).toBe(true);
      expect(needsReload(loaded, wanted({ version: '10/1/0' }), 30_000)).toBe(true);
    });
    it('reloads when the counter could not be read', () => {
      expect(needsReload(loaded, wanted({ version: undefined }), 30_000)).toBe(true);
    });
    it('reloads when another list is asked for', () => {
      expect(needsReload(loaded, wanted({ list: 'q2' }), 30_000)).toBe(true);
    });
    it('reloads when a listed trace left the moving window', () => {
      expect(needsReload(loaded, wanted({ windowStart: 960 }), 30_000)).toBe(true);
    });
    it('reloads when nothing was read yet', () => {
      expect(needsReload({ version: '', list: '', at: 0 }, wanted(), 30_000)).toBe(true);
      expect(needsReload(loaded, wanted({ starts: undefined }), 30_000)).toBe(true);
    });
    it('reloads once the last reload is older than the maximum age', () => {
      expect(needsReload(loaded, wanted({ now: 1_029_999 }), 30_000)).toBe(false);
      expect(needsReload(loaded, wanted({ now: 1_030_000 }), 30_000)).toBe(true);
    });
  });

  describe('leftWindow', () => {
    it('is true only when some start precedes the window', () => {
      expect(leftWindow([], 5)).toBe(false);
      expect(leftWindow([5, 6], 5)).toBe(false);
      expect(leftWindow([6, 4.999], 5)).toBe(true);
    });
  });
});
