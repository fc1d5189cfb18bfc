import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataFileError } from '../../src/store/data-file-error.ts';
import { sqliteModule } from '../../src/store/sqlite-module.ts';

describe('sqliteModule', () => {
  afterEach(() => vi.restoreAllMocks());

  describe('on a Node with node:sqlite', () => {
    it('returns the module', () => {
      expect(typeof sqliteModule('x.db').DatabaseSync).toBe('function');
    });

    it('is not loaded by importing the package or starting in memory', () => {
      const index = join(import.meta.dirname, '..', '..', 'src', 'index.ts');
      const script =
        `const { startLocalXRay } = await import(${JSON.stringify(index)});` +
        'const xray = await startLocalXRay({ port: 0 }); await xray.stop();' +
        "console.log(process.moduleLoadList.filter((m) => m.includes('sqlite')).join() || 'none');";
      // a file, not -e: the UDP worker threads inherit execArgv, and --input-type breaks them
      const file = join(mkdtempSync(join(tmpdir(), 'otel-xray-sqlite-')), 'probe.mjs');
      writeFileSync(file, script);
      const run = spawnSync(process.execPath, ['--conditions=otel-xray-source', file], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('none');
    });
  });

  describe('on a Node without it', () => {
    it('refuses --data with a message naming the file, the Node version and the way out', () => {
      vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
      let error: unknown;
      try {
        sqliteModule('/tmp/t.db');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataFileError);
      expect((error as DataFileError).code).toBe('unusable');
      expect((error as DataFileError).message).toBe(
        `cannot use /tmp/t.db: --data needs node:sqlite, which is not available in Node ` +
          `${process.version} (Node 22.13 or newer has it); run without --data to keep traces in memory`,
      );
    });
  });
});
