import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isAlive,
  lockRecordPath,
  ownHolder,
  readHolder,
  removeHolder,
  writeHolder,
} from '../../src/store/data-file-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data file lock record', () => {
  describe('readHolder', () => {
    it('reads back what writeHolder wrote', () => {
      const file = join(dir, 'a.db');
      const holder = { ...ownHolder(new Date('2025-01-02T03:04:05Z')), port: 2000 };
      writeHolder(file, holder);
      expect(readHolder(file)).toEqual(holder);
    });

    it('answers undefined for a missing, garbled or incomplete record', () => {
      const file = join(dir, 'b.db');
      expect(readHolder(file)).toBeUndefined();
      for (const text of ['{"pid":', '[]', 'null', '{"pid":"12","hostname":"h","startedAt":"t"}']) {
        writeFileSync(lockRecordPath(file), text);
        expect(readHolder(file)).toBeUndefined();
      }
    });
  });

  describe('isAlive', () => {
    it('is true for this process and false for one that has exited', () => {
      expect(isAlive(ownHolder())).toBe(true);
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
      expect(isAlive({ pid: Number(gone.stdout), hostname: hostname(), startedAt: '' })).toBe(
        false,
      );
    });

    it('assumes a process of another machine is alive (its pid cannot be checked here)', () => {
      expect(isAlive({ pid: 999_999_999, hostname: `not-${hostname()}`, startedAt: '' })).toBe(
        true,
      );
    });
  });

  describe('removeHolder', () => {
    it('removes only a record naming the given pid', () => {
      const file = join(dir, 'c.db');
      writeHolder(file, { pid: 1, hostname: hostname(), startedAt: '' });
      removeHolder(file, process.pid);
      expect(readHolder(file)?.pid).toBe(1);
      removeHolder(file, 1);
      expect(readHolder(file)).toBeUndefined();
    });
  });
});
