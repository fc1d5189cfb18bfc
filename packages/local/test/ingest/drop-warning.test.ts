import { describe, expect, it } from 'vitest';
import { DropWarning, formatBytes } from '../../src/ingest/drop-warning.ts';

function warning(): { lines: string[]; clock: { now: number }; w: DropWarning } {
  const lines: string[] = [];
  const clock = { now: 1_000_000 };
  const w = new DropWarning(
    64 * 1024 * 1024,
    (l) => lines.push(l),
    10_000,
    () => clock.now,
  );
  return { lines, clock, w };
}

describe('DropWarning', () => {
  describe('update', () => {
    it('writes nothing while nothing was dropped', () => {
      const { lines, w } = warning();
      w.update(0);
      w.update(0);
      expect(lines).toEqual([]);
    });

    it('reports the first drop at once, naming the count, the limit and the option', () => {
      const { lines, w } = warning();
      w.update(3);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('dropped 3 UDP datagrams');
      expect(lines[0]).toContain('64 MiB');
      expect(lines[0]).toContain('--max-queue-bytes');
    });

    it('writes at most one line per interval, then the drops since the last line', () => {
      const { lines, clock, w } = warning();
      w.update(5);
      for (let i = 1; i <= 99; i++) {
        clock.now += 100;
        w.update(5 + i * 10);
      }
      expect(lines).toHaveLength(1);
      clock.now += 100; // 10 s after the first line
      w.update(1_005);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('dropped 1,000 UDP datagrams in the last 10 s');
    });

    it('reports drops that stopped inside an interval once the interval is over', () => {
      const { lines, clock, w } = warning();
      w.update(1);
      clock.now += 2_000;
      w.update(8);
      clock.now += 8_000;
      w.update(8);
      w.update(8);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('dropped 7 UDP datagrams');
    });
  });

  describe('formatBytes', () => {
    it('uses the largest whole binary unit', () => {
      expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
      expect(formatBytes(256 * 1024)).toBe('256 KiB');
      expect(formatBytes(1_000)).toBe('1,000 bytes');
    });
  });
});
