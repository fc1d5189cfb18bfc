import type { LocalXRayStats } from '../stats.ts';
import { SqliteJournal } from './sqlite-journal.ts';
import type { StoredDocument } from './stored-document.ts';

/** A locked journal and the documents it held. */
export interface OpenedJournal {
  journal: SqliteJournal;
  /** Readable documents in arrival order, to replay into the memory store. */
  documents: StoredDocument[];
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
    return { journal, documents };
  } catch (error) {
    journal.close();
    throw error;
  }
}
