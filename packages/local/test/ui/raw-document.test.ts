import { describe, expect, it } from 'vitest';
import { rawDocument } from '../../src/ui/lib/raw-document.ts';
import { fixtureTrace } from './support/fixtures.ts';

describe('raw document', () => {
  describe('rawDocument', () => {
    const trace = fixtureTrace();
    const first = trace.Segments![0]!;
    const id = (JSON.parse(first.Document!) as { id: string }).id;

    it('gives the stored document of a segment, indented, with the same content', () => {
      const raw = rawDocument(trace, id)!;
      expect(JSON.parse(raw)).toEqual(JSON.parse(first.Document!));
      expect(raw.split('\n')[1]).toMatch(/^ {2}"/);
    });

    it('keeps text that is not JSON as it was sent, and gives undefined for an unknown ID', () => {
      const broken = { Segments: [{ Id: 'e000000000000001', Document: '{"id": "e0' }] };
      expect(rawDocument(broken, 'e000000000000001')).toBe('{"id": "e0');
      expect(rawDocument(trace, 'ffffffffffffffff')).toBeUndefined();
      expect(rawDocument({}, id)).toBeUndefined();
    });
  });
});
