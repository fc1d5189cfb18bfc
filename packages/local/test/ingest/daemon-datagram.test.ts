import { describe, expect, it } from 'vitest';
import { parseDatagram } from '../../src/ingest/daemon-datagram.ts';

const d = (text: string) => parseDatagram(Buffer.from(text));

describe('parseDatagram', () => {
  describe('valid datagrams', () => {
    it('splits the canonical header from the document', () => {
      expect(d('{"format":"json","version":1}\n{"a":1}')).toEqual({ ok: true, body: '{"a":1}' });
    });

    it('accepts a spaced header and any case of json, splitting on the first LF only', () => {
      expect(d('{"format": "JSON", "version": 1}\n{"a":"x\\ny"}\n')).toEqual({
        ok: true,
        body: '{"a":"x\\ny"}\n',
      });
    });

    it('does not parse the body', () => {
      expect(d('{"format":"json","version":1}\nnot json')).toEqual({ ok: true, body: 'not json' });
    });
  });

  describe('rejected datagrams', () => {
    it.each([
      ['no LF', '{"a":1}'],
      ['an empty body', '{"format":"json","version":1}\n'],
      ['a blank body', '{"format":"json","version":1}\n  \n'],
      ['a wrong version', '{"format":"json","version":2}\n{}'],
      ['a wrong format', '{"format":"xml","version":1}\n{}'],
      ['a header that is not JSON', 'format=json\n{}'],
      ['a header that is JSON null', 'null\n{}'],
    ])('rejects %s', (_name, text) => {
      expect(d(text).ok).toBe(false);
    });
  });
});
