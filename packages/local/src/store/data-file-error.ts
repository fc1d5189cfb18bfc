import type { LockHolder } from './data-file-lock.ts';

/** Why a `--data` file cannot be used: held by another instance, damaged, or not usable at all. */
export type DataFileProblem = 'in-use' | 'damaged' | 'unusable';

/**
 * A `--data` file that cannot be opened. `startLocalXRay` rejects with it and the CLI prints its
 * message after `cannot start:`; the message names the file, what is wrong and the way out.
 */
export class DataFileError extends Error {
  /** What is wrong: `in-use`, `damaged` or `unusable`. */
  readonly code: DataFileProblem;
  /** The `--data` path as given. */
  readonly file: string;
  /** What is wrong, in a few words (SQLite's message or ours). */
  readonly detail: string;

  constructor(code: DataFileProblem, file: string, detail: string, message: string) {
    super(message);
    this.name = 'DataFileError';
    this.code = code;
    this.file = file;
    this.detail = detail;
  }
}

/** The file is locked by another process; names the holder when its lock record is readable. */
export function inUseError(file: string, holder: LockHolder | undefined): DataFileError {
  const who =
    holder === undefined
      ? 'is locked by another process'
      : `is in use by another otel-xray-local (pid ${holder.pid}, started ${holder.startedAt}` +
        `${holder.port === undefined ? '' : `, port ${holder.port}`})`;
  return new DataFileError(
    'in-use',
    file,
    who,
    `${file} ${who}; stop it or use another --data path`,
  );
}

/** The file's pages or header cannot be read. */
export function damagedError(file: string, what: string): DataFileError {
  return new DataFileError(
    'damaged',
    file,
    what,
    `${file} is damaged (${what}); start with --data-recover to copy what can be read into a new ` +
      `file (the damaged one is kept beside it), or use another --data path`,
  );
}

/** The path cannot hold a database (a directory, no permission, no such directory). */
export function unusableError(file: string, what: string): DataFileError {
  return new DataFileError(
    'unusable',
    file,
    what,
    `${file} cannot be used (${what}); use another --data path`,
  );
}

// Primary SQLite result codes (https://sqlite.org/rescode.html).
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** The primary SQLite result code of a `node:sqlite` error, or undefined for any other error. */
export function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

/** True for "database is locked" (another connection holds the file). */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_BUSY || code === SQLITE_LOCKED;
}

/** Maps an error from any step of opening or reading `file` to a {@link DataFileError}. */
export function toDataFileError(file: string, error: unknown): DataFileError {
  if (error instanceof DataFileError) return error;
  const what = (error as Error).message;
  const code = sqliteCode(error);
  if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB) return damagedError(file, what);
  if (isBusy(error)) return inUseError(file, undefined);
  return unusableError(file, what);
}
