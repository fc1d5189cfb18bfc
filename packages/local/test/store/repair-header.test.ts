import { describe, expect, it } from 'vitest';
import { guessPageSize, repairedHeader } from '../../src/store/repair-header.ts';

/** The start of a database: a header, then page 1's b-tree header, then page 2 at `pageSize`. */
function fileStart(pageSize: number, header?: Buffer): Buffer {
  const start = Buffer.alloc(pageSize * 2);
  if (header !== undefined) header.copy(start, 0);
  start[100] = 0x0d; // page 1: table leaf
  start[pageSize] = 0x05; // page 2: table interior
  return start;
}

describe('repairedHeader', () => {
  describe('a zeroed header', () => {
    it('writes the magic string, fixed fields and the page size the pages agree with', () => {
      const header = repairedHeader(fileStart(8192), false);
      expect(header.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(header.readUInt16BE(16)).toBe(8192);
      expect([...header.subarray(18, 24)]).toEqual([1, 1, 0, 64, 32, 32]);
      expect(header.readUInt32BE(44)).toBe(4);
      expect(header.readUInt32BE(56)).toBe(1);
    });

    it('marks the file as WAL when a -wal file comes along', () => {
      expect([...repairedHeader(fileStart(4096), true).subarray(18, 20)]).toEqual([2, 2]);
    });
  });

  describe('a readable header', () => {
    it('keeps the change counter, schema cookie and user version, and zeroes the page count', () => {
      const original = Buffer.alloc(100);
      original.writeUInt16BE(4096, 16);
      original.writeUInt32BE(7, 24);
      original.writeUInt32BE(1402, 28);
      original.writeUInt32BE(3, 40);
      original.writeUInt32BE(42, 60);
      const header = repairedHeader(fileStart(4096, original), false);
      expect(header.readUInt32BE(24)).toBe(7);
      expect(header.readUInt32BE(28)).toBe(0);
      expect(header.readUInt32BE(40)).toBe(3);
      expect(header.readUInt32BE(60)).toBe(42);
    });
  });
});

describe('guessPageSize', () => {
  it('keeps a written page size the pages agree with', () => {
    const start = fileStart(16384);
    start.writeUInt16BE(16384, 16);
    expect(guessPageSize(start)).toBe(16384);
  });

  it('reads 1 as 65,536', () => {
    const start = fileStart(65536);
    start.writeUInt16BE(1, 16);
    expect(guessPageSize(start)).toBe(65536);
  });

  it('falls back to 4,096 when no size fits', () => {
    expect(guessPageSize(Buffer.alloc(200))).toBe(4096);
  });
});
