import { describe, expect, it } from 'vitest';
import { throttledLog } from '../../src/http/throttled-log.ts';

describe('throttledLog', () => {
  describe('repeats of one key', () => {
    it('writes the first at once, then at most one per interval with the count suppressed', () => {
      const lines: string[] = [];
      let t = 0;
      const warn = throttledLog(
        (l) => lines.push(l),
        10_000,
        () => t,
      );
      warn('a', 'full');
      t = 5_000;
      warn('a', 'full');
      warn('a', 'full');
      expect(lines).toEqual(['full']);
      t = 10_000;
      warn('a', 'full');
      expect(lines).toEqual(['full', 'full (2 more like it since the last line)']);
    });
  });

  describe('different keys', () => {
    it('writes each key on its own schedule', () => {
      const lines: string[] = [];
      const warn = throttledLog(
        (l) => lines.push(l),
        10_000,
        () => 0,
      );
      warn('a', 'one');
      warn('b', 'two');
      warn('a', 'one');
      expect(lines).toEqual(['one', 'two']);
    });
  });
});
