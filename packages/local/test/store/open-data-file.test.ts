import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/store/data-file-error.ts';
import { lockRecordPath, readHolder } from '../../src/store/data-file-lock.ts';
import { openDataFile } from '../../src/store/open-data-file.ts';
import { SqliteJournal } from '../../src/store/sqlite-journal.ts';
import { overwrite, truncateToHalf, writeDataFile } from '../helpers/data-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'otel-xray-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(file: string): Promise<DataFileError> {
  const error: unknown = await openDataFile(file).then(
    (db) => (db.close(), undefined),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFileError);
  return error as DataFileError;
}

describe('openDataFile', () => {
  describe('one writer per file', () => {
    it('refuses a second opener at once, naming the file and the holding process', async () => {
      const file = join(dir, 'one-writer.db');
      const first = await SqliteJournal.open(file);
      first.announcePort(4321);
      const error = await refusal(file);
      expect(error.code).toBe('in-use');
      expect(error.message).toBe(
        `${file} is in use by another otel-xray-local (pid ${process.pid}, started ` +
          `${readHolder(file)?.startedAt}, port 4321); stop it or use another --data path`,
      );
      first.close();
    });

    it('keeps readers of other connections out while it holds the file', async () => {
      const file = join(dir, 'readers.db');
      const journal = await SqliteJournal.open(file);
      const reader = new DatabaseSync(file, { readOnly: true });
      expect(() => reader.prepare('SELECT count(*) FROM documents').get()).toThrow(/locked/);
      reader.close();
      journal.close();
    });

    it('releases the lock and removes the lock record on close', async () => {
      const file = join(dir, 'release.db');
      const first = await SqliteJournal.open(file);
      expect(readHolder(file)?.pid).toBe(process.pid);
      first.close();
      expect(readHolder(file)).toBeUndefined();
      const second = await SqliteJournal.open(file);
      second.close();
    });

    it('ignores a lock record left by a process that is gone', async () => {
      const file = join(dir, 'stale.db');
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
      const record = { pid: Number(gone.stdout), hostname: hostname(), startedAt: 'earlier' };
      writeFileSync(lockRecordPath(file), JSON.stringify(record));
      const journal = await SqliteJournal.open(file);
      expect(readHolder(file)?.pid).toBe(process.pid);
      journal.close();
    });

    it('waits for another connection that holds the file briefly', async () => {
      const file = join(dir, 'brief.db');
      (await SqliteJournal.open(file)).close();
      const other = new DatabaseSync(file);
      other.exec('BEGIN IMMEDIATE; INSERT INTO kv VALUES (1, 2);');
      const opening = openDataFile(file);
      setTimeout(() => (other.exec('COMMIT'), other.close()), 300);
      const db = await opening;
      expect(db.prepare('SELECT count(*) AS n FROM kv').get()?.n).toBe(1);
      db.close();
    });
  });

  describe('paths that cannot hold a database', () => {
    it('refuses a directory', async () => {
      const path = join(dir, 'a-directory');
      mkdirSync(path);
      const error = await refusal(path);
      expect(error.code).toBe('unusable');
      expect(error.message).toBe(
        `${path} cannot be used (it is a directory); use another --data path`,
      );
    });

    it('refuses a path whose directory does not exist', async () => {
      const path = join(dir, 'nowhere', 'x.db');
      const error = await refusal(path);
      expect(error.message).toContain(`its directory ${join(dir, 'nowhere')} does not exist`);
    });

    it('refuses a file it may not write', async () => {
      const path = join(dir, 'read-only.db');
      await writeDataFile(path, 1);
      chmodSync(path, 0o444);
      if (process.getuid?.() !== 0) {
        const error = await refusal(path);
        expect(error.message).toContain('no permission to read and write it');
        return;
      }
      // root may write anything: open it as root without the capabilities that override file
      // permissions (setpriv, util-linux). Not as another user: that user may not reach a checkout
      // under a private directory (mktemp -d is 0700), nor the Node binary in it.
      const opener = join(import.meta.dirname, '..', '..', 'src', 'store', 'open-data-file.ts');
      const script =
        `import { openDataFile } from ${JSON.stringify(opener)};` +
        `openDataFile(${JSON.stringify(path)}).then(() => console.log('opened'),` +
        ` (e) => console.log(e.code + ': ' + e.message));`;
      const caps = 'dac_override,dac_read_search';
      const run = spawnSync(
        'setpriv',
        [
          `--bounding-set=-${caps.replace(',', ',-')}`,
          `--inh-caps=-${caps.replace(',', ',-')}`,
          process.execPath,
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8' },
      );
      expect(run.error, 'setpriv (util-linux) runs').toBeUndefined();
      expect(run.stdout, run.stderr).toContain('unusable: ');
      expect(run.stdout).toContain('no permission to read and write it');
    });
  });

  describe('damaged files', () => {
    const advice =
      'start with --data-recover to copy what can be read into a new file (the damaged one is ' +
      'kept beside it), or use another --data path';

    it('names the file, the damage and both ways out for a file that is not a database', async () => {
      const file = join(dir, 'notes.db');
      writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
      const error = await refusal(file);
      expect(error.code).toBe('damaged');
      expect(error.message).toBe(`${file} is damaged (file is not a database); ${advice}`);
    });

    it('refuses a file whose header was zeroed', async () => {
      const file = join(dir, 'zeroed.db');
      await writeDataFile(file, 200);
      overwrite(file, 0, 100, 0);
      const error = await refusal(file);
      expect(error.code).toBe('damaged');
      expect(error.message).toContain(file);
    });

    it('refuses a file cut to half its size', async () => {
      const file = join(dir, 'half.db');
      await writeDataFile(file, 500);
      truncateToHalf(file);
      const error = await refusal(file);
      expect(error.code).toBe('damaged');
      expect(error.message).toContain('--data-recover');
    });

    it('refuses a file with overwritten b-tree pages (found by quick_check)', async () => {
      const file = join(dir, 'flipped.db');
      await writeDataFile(file, 500);
      for (const page of [40, 80, 120]) overwrite(file, page * 4096, 64);
      const error = await refusal(file);
      expect(error.code).toBe('damaged');
      expect(error.detail).not.toMatch(/\n|\*\*\*/);
    });
  });
});
