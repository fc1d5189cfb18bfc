import type { LocalXRayStats } from '../stats.ts';
import { SqliteJournal } from './sqlite-journal.ts';
import type { StoredDocument } from './stored-document.ts';
import type { StoredLogRecord } from './stored-log-record.ts';
import { toDataFileError } from './data-file-error.ts';

/** A locked journal and the documents it held. */
export interface OpenedJournal {
  journal: SqliteJournal;
  /** Readable documents in arrival order, to replay into the memory store. */
  documents: StoredDocument[];
  /** Readable log lines in arrival order. */
  logs: StoredLogRecord[];
}

/**
 * Opens and locks the `--data` file and reads it back. Damaged documents are skipped, counted in
 * `stats.documentsDamaged` and reported in one `log` line; an unreadable file rejects with a
 * `DataFileError` (the lock released).
 */
export async function openJournal(
  file: string,
  stats: LocalXRayStats,
  log: (line: string) => void,
): Promise<OpenedJournal> {
  const journal = await SqliteJournal.open(file);
  try {
    const { documents, damaged } = journal.load();
    if (damaged > 0) {
      stats.documentsDamaged += damaged;
      log(
        `${file}: skipped ${damaged} damaged stored document${damaged === 1 ? '' : 's'} ` +
          `(not a readable segment); their traces are served from the other documents. ` +
          `--data-recover drops them from the file`,
      );
    }
    let logs;
    try {
      logs = journal.logs.load();
    } catch (error) {
      throw toDataFileError(file, error);
    }
    if (logs.damaged > 0)
      log(
        `${file}: skipped ${logs.damaged} damaged stored log line${logs.damaged === 1 ? '' : 's'}`,
      );
    return { journal, documents, logs: logs.records };
  } catch (error) {
    journal.close();
    throw error;
  }
}
