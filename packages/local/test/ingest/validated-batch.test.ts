import { describe, expect, it } from 'vitest';
import { validateDatagrams } from '../../src/ingest/validated-batch.ts';

const HEADER = '{"format":"json","version":1}\n';
const trace = '1-5759e988-bd862e3fe1be46a994272793';
const doc = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'svc', id, trace_id: trace, start_time: 1, end_time: 2, ...extra });

/** The datagrams back to back, as the receive thread batches them. */
function batch(datagrams: string[]): [Buffer, Uint32Array] {
  const parts = datagrams.map((d) => Buffer.from(d));
  const ends = new Uint32Array(parts.length);
  let end = 0;
  parts.forEach((p, i) => (ends[i] = end += p.length));
  return [Buffer.concat(parts), ends];
}

describe('validateDatagrams', () => {
  describe('accepted documents', () => {
    it('returns each document byte for byte with its indexed fields, column by column', () => {
      const a = doc('70de5b6f19ff9a0a', { note: 'é ✓' });
      const b = JSON.stringify({
        name: 'db',
        id: '80de5b6f19ff9a0b',
        trace_id: trace,
        parent_id: '70de5b6f19ff9a0a',
        type: 'subsegment',
        start_time: 3,
        in_progress: true,
      });
      const out = validateDatagrams(
        ...batch([HEADER + a, `{"format": "JSON", "version": 1}\n${b}`]),
      );
      expect(out.raws).toEqual([a, b]);
      expect(out.traceIds).toEqual([trace, trace]);
      expect(out.ids).toEqual(['70de5b6f19ff9a0a', '80de5b6f19ff9a0b']);
      expect([...out.times]).toEqual([1, 2, 3, Number.NaN]);
      expect([...out.independent]).toEqual([0, 1]);
      expect(out).toMatchObject({ datagrams: 2, datagramsRejected: 0, documentsRejected: 0 });
    });
  });

  describe('rejected datagrams', () => {
    it('counts bad datagrams and refused documents without disturbing their neighbours', () => {
      const good = doc('70de5b6f19ff9a0a');
      const out = validateDatagrams(
        ...batch([
          'no header line at all, and no LF',
          HEADER + good,
          '{"format":"xml","version":1}\n{}',
          HEADER,
          `${HEADER}  \n`,
          '',
          HEADER + doc('not-an-id'),
          `${HEADER}{"truncated":`,
          HEADER + good,
        ]),
      );
      expect(out.raws).toEqual([good, good]);
      expect(out).toMatchObject({ datagrams: 9, datagramsRejected: 5, documentsRejected: 2 });
    });
  });
});
