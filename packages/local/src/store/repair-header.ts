// Rebuilds the 100-byte header of a damaged SQLite file so SQLite agrees to read its pages
// (https://sqlite.org/fileformat2.html#the_database_header). Only ever applied to a scratch copy.

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const BTREE_PAGE_TYPES = new Set([0x02, 0x05, 0x0a, 0x0d]);
const PAGE_SIZES = [4096, 8192, 16384, 32768, 65536, 1024, 2048, 512];

/** Bytes of the file's start {@link repairedHeader} looks at: the largest page size, plus one. */
export const HEADER_PROBE_BYTES = 65_536 + 1;

/**
 * A header for the file whose first bytes are `start` (at least 100; up to
 * {@link HEADER_PROBE_BYTES}): the magic string, a page size (kept when valid, else the one at
 * which page 2 starts like a b-tree page, else 4096), fixed payload fractions, UTF-8, schema
 * format 4, WAL versions when a `-wal` file comes along, and zeros where a wrong value stops a
 * reader (database size, so the file size is used; freelist; auto-vacuum; reserved space). The
 * change counter, schema cookie, user version and application ID are kept. Pure.
 */
export function repairedHeader(start: Buffer, withWal: boolean): Buffer {
  const header = Buffer.alloc(100);
  start.copy(header, 0, 0, Math.min(100, start.length));
  MAGIC.copy(header, 0);
  const pageSize = guessPageSize(start);
  header.writeUInt16BE(pageSize === 65_536 ? 1 : pageSize, 16);
  header[18] = header[19] = withWal ? 2 : 1;
  header[20] = 0; // reserved bytes per page
  header[21] = 64;
  header[22] = 32;
  header[23] = 32;
  header.writeUInt32BE(0, 28); // size in pages: 0 = use the file size
  header.fill(0, 32, 40); // freelist trunk page and count
  const format = header.readUInt32BE(44);
  if (format < 1 || format > 4) header.writeUInt32BE(4, 44);
  header.writeUInt32BE(0, 48); // suggested cache size
  header.writeUInt32BE(0, 52); // auto-vacuum off: no pointer-map pages to trust
  const encoding = header.readUInt32BE(56);
  if (encoding < 1 || encoding > 3) header.writeUInt32BE(1, 56);
  header.writeUInt32BE(0, 64); // incremental vacuum
  header.fill(0, 72, 96); // reserved for expansion, version-valid-for
  return header;
}

/** The page size in the header when pages agree with it, else the first size they agree with. */
export function guessPageSize(start: Buffer): number {
  const raw = start.length >= 18 ? start.readUInt16BE(16) : 0;
  const written = raw === 1 ? 65_536 : raw;
  const valid = written >= 512 && (written & (written - 1)) === 0;
  if (valid && looksLikePage(start, written)) return written;
  return PAGE_SIZES.find((size) => looksLikePage(start, size)) ?? (valid ? written : 4096);
}

/** Page 1 holds a table b-tree after the header, and page 2 (when present) starts a b-tree page. */
function looksLikePage(start: Buffer, size: number): boolean {
  const first = start[100];
  if (first !== 0x0d && first !== 0x05) return false;
  const second = start[size];
  return second === undefined ? start.length <= size : BTREE_PAGE_TYPES.has(second);
}
