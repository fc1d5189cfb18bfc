import {
  copyFileSync,
  existsSync,
  openSync,
  closeSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { sqliteModule } from './sqlite-module.ts';
import { toDataFileError } from './data-file-error.ts';
import { DOCUMENT_COLUMNS, SCHEMA, transaction } from './data-file-schema.ts';
import { documentFromRow } from './document-row.ts';
import { openDataFile } from './open-data-file.ts';
import { HEADER_PROBE_BYTES, repairedHeader } from './repair-header.ts';
import { salvageRows, type Salvage } from './salvage-rows.ts';

/** What {@link recoverDataFile} found and did. */
export interface DataFileRecovery {
  /** The `--data` path. */
  file: string;
  /** `healthy`: nothing changed; `recovered`: a new file holds what could be read; `missing`: no file. */
  outcome: 'healthy' | 'recovered' | 'missing';
  /** What was wrong with the file (recovered only). */
  problem?: string;
  /** Where the damaged file (and its `-wal`) now is (recovered only). */
  damagedCopy?: string;
  /** Documents in the (new) file. */
  documentsRecovered: number;
  /** Readable rows whose document was not a readable segment, dropped. */
  documentsDamaged: number;
  /** About this many documents were in unreadable pages (row IDs skipped); undefined when unknown. */
  documentsLost: number | undefined;
  /** Settings (groups) copied. */
  settingsRecovered: number;
  /** Why nothing at all could be read, when so (the new file starts empty). */
  failure?: string;
}

/**
 * `--data-recover`: when `file` is damaged (pages, header, or documents that are not readable
 * segments), copies every document and setting that can still be read into a new file at the same
 * path, and moves the damaged file (with its `-wal`) to `<file>.damaged-<UTC time>`. A healthy file
 * is left unchanged. Rejects with a `DataFileError` when the file is in use or unusable.
 * @example
 * const report = await recoverDataFile('./xray.db');
 * console.log(describeRecovery(report));
 */
export async function recoverDataFile(file: string, now = new Date()): Promise<DataFileRecovery> {
  const none = { file, documentsDamaged: 0, documentsLost: 0, settingsRecovered: 0 };
  if (!existsSync(file)) return { ...none, outcome: 'missing', documentsRecovered: 0 };
  let problem: string;
  try {
    const db = await openDataFile(file);
    let check: { documents: number; damaged: number };
    try {
      check = checkRows(db);
    } finally {
      db.close();
    }
    if (check.damaged === 0) {
      return { ...none, outcome: 'healthy', documentsRecovered: check.documents };
    }
    problem = `${check.damaged} damaged document${check.damaged === 1 ? '' : 's'}`;
  } catch (error) {
    const refusal = toDataFileError(file, error);
    if (refusal.code !== 'damaged') throw refusal;
    problem = refusal.detail;
  }
  const salvage = readDamaged(file);
  const fresh = `${file}.recovering`;
  removeDatabase(fresh);
  writeRecovered(fresh, salvage);
  const damagedCopy = freeName(`${file}.damaged-${stamp(now)}`);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, damagedCopy + suffix);
  }
  renameSync(file, damagedCopy);
  renameSync(fresh, file);
  return {
    file,
    outcome: 'recovered',
    problem,
    damagedCopy,
    documentsRecovered: salvage.documents.length,
    documentsDamaged: salvage.damaged,
    documentsLost: salvage.unreadable,
    settingsRecovered: salvage.settings.length,
    ...(salvage.failure === undefined ? {} : { failure: salvage.failure }),
  };
}

/** One line per fact of a recovery, for the CLI. */
export function describeRecovery(r: DataFileRecovery): string {
  if (r.outcome === 'missing') return `${r.file} does not exist; nothing to recover`;
  if (r.outcome === 'healthy')
    return `${r.file} is healthy (${r.documentsRecovered} documents); nothing changed`;
  const kept = `the damaged file is kept at ${r.damagedCopy ?? '?'}`;
  if (r.failure !== undefined)
    return `${r.file} (${r.problem ?? 'damaged'}): nothing could be read (${r.failure}); ${kept}; starting with an empty file`;
  const lost = r.documentsLost === undefined ? 'an unknown number' : `about ${r.documentsLost}`;
  return (
    `${r.file} (${r.problem ?? 'damaged'}): recovered ${count(r.documentsRecovered, 'document')} ` +
    `and ${count(r.settingsRecovered, 'setting')}; dropped ${r.documentsDamaged} damaged; ` +
    `${lost} in unreadable pages lost; ${kept}`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function checkRows(db: DatabaseSync): { documents: number; damaged: number } {
  let documents = 0;
  let damaged = 0;
  for (const row of db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents`).iterate()) {
    if (documentFromRow(row) === undefined) damaged++;
    else documents++;
  }
  const badSettings = db.prepare('SELECT count(*) AS n FROM kv WHERE NOT json_valid(value)').get();
  return { documents, damaged: damaged + Number(badSettings?.n ?? 0) };
}

/** Salvages a scratch copy (with its `-wal`) whose header is rebuilt; the original is not touched. */
function readDamaged(file: string): Salvage {
  const scratch = `${file}.recovering-read`;
  removeDatabase(scratch);
  copyFileSync(file, scratch);
  const withWal = existsSync(`${file}-wal`);
  if (withWal) copyFileSync(`${file}-wal`, `${scratch}-wal`);
  try {
    if (!rebuildHeader(scratch, withWal)) {
      return {
        documents: [],
        damaged: 0,
        unreadable: 0,
        settings: [],
        failure: 'too short to be a database',
      };
    }
    const db = new (sqliteModule(scratch).DatabaseSync)(scratch);
    try {
      db.exec('PRAGMA cell_size_check = ON');
      return salvageRows(db);
    } finally {
      db.close();
    }
  } catch (error) {
    const failure = (error as Error).message;
    return { documents: [], damaged: 0, unreadable: undefined, settings: [], failure };
  } finally {
    removeDatabase(scratch);
  }
}

function rebuildHeader(path: string, withWal: boolean): boolean {
  const fd = openSync(path, 'r+');
  try {
    const start = Buffer.alloc(HEADER_PROBE_BYTES);
    const length = readSync(fd, start, 0, start.length, 0);
    if (length < 100) return false;
    writeSync(fd, repairedHeader(start.subarray(0, length), withWal), 0, 100, 0);
    return true;
  } finally {
    closeSync(fd);
  }
}

function writeRecovered(path: string, salvage: Salvage): void {
  const db = new (sqliteModule(path).DatabaseSync)(path);
  try {
    db.exec(SCHEMA);
    const insert = db.prepare(
      'INSERT INTO documents (seq, trace_id, id, raw, independent, start_time, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const put = db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)');
    transaction(db, () => {
      for (const { seq, doc: d } of salvage.documents) {
        const end = d.endTime ?? null;
        insert.run(
          seq,
          d.traceId,
          d.id,
          d.raw,
          d.independent ? 1 : 0,
          d.startTime,
          end,
          d.receivedAt,
        );
      }
      for (const [key, value] of salvage.settings) put.run(key, value);
    });
  } finally {
    db.close();
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** `path`, or `path-2`, `path-3`… when taken. */
function freeName(path: string): string {
  let name = path;
  for (let n = 2; existsSync(name); n++) name = `${path}-${n}`;
  return name;
}

/** UTC time as `20250102T030405Z`. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
