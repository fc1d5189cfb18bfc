import type * as Sqlite from 'node:sqlite';
import { DataFileError } from './data-file-error.ts';

/**
 * `node:sqlite`, loaded on first use: only `--data` needs it, so the local X-Ray (and
 * `@otel-xray/testing`, which loads it) runs in memory on a Node without it.
 */
export function sqliteModule(file: string): typeof Sqlite {
  let sqlite: typeof Sqlite | undefined;
  try {
    sqlite = process.getBuiltinModule('node:sqlite');
  } catch {
    sqlite = undefined;
  }
  if (sqlite === undefined) {
    const detail = `node:sqlite is not available in Node ${process.version}`;
    throw new DataFileError(
      'unusable',
      file,
      detail,
      `cannot use ${file}: --data needs ${detail.replace(' is not', ', which is not')} ` +
        '(Node 22.13 or newer has it); run without --data to keep traces in memory',
    );
  }
  return sqlite;
}
