import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_TRACE_HEADER_FIELDS,
  MAX_TRACE_HEADER_LENGTH,
  formatTraceHeader,
  parseTraceHeader,
  type TraceHeader,
} from '@otel-xray/core';

interface Fixtures {
  valid: Array<{ name: string; header: string; expect: TraceHeader }>;
  refused: Array<{ name: string; header: string }>;
}
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/trace-headers.json', import.meta.url), 'utf8'),
) as Fixtures;

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
const CANONICAL = `Root=${ROOT};Parent=${PARENT};Sampled=1`;

function header(value: unknown): TraceHeader {
  const result = parseTraceHeader(value);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.header;
}

describe('parseTraceHeader', () => {
  describe('real headers', () => {
    it.each(fixtures.valid)('parses $name', ({ header: value, expect: expected }) => {
      expect(header(value)).toEqual(expected);
    });
    it.each(fixtures.refused)('refuses $name', ({ header: value }) => {
      expect(parseTraceHeader(value).ok).toBe(false);
    });
  });

  describe('leniency shared with the X-Ray SDKs and OTel propagators', () => {
    it('accepts any field order', () => {
      expect(header(`Sampled=1;Parent=${PARENT};Root=${ROOT}`)).toEqual(header(CANONICAL));
    });
    it('trims whitespace around fields, keys and values', () => {
      expect(header(`\t Root = ${ROOT} ;  Parent=${PARENT}\t;Sampled= 1 `)).toEqual(
        header(CANONICAL),
      );
    });
    it('ignores key case', () => {
      expect(header(`ROOT=${ROOT};parent=${PARENT};sAmPlEd=1`)).toEqual(header(CANONICAL));
    });
    it('skips empty parts and parts without key=', () => {
      expect(header(`;;garbage;=nokey;${CANONICAL};;`)).toEqual(header(CANONICAL));
    });
    it('lets the last of a repeated key count', () => {
      expect(header(`Root=not-an-id;${CANONICAL};Sampled=0`).sampled).toBe('0');
    });
    it('takes the first element of an array value', () => {
      expect(header([CANONICAL, 'garbage'])).toEqual(header(CANONICAL));
    });
    it('splits a field on its first =', () => {
      expect(header(`${CANONICAL};Data=a=b`).extra).toEqual([['Data', 'a=b']]);
    });
  });

  describe('Sampled', () => {
    it.each([
      ['1', '1'],
      ['0', '0'],
      ['?', '?'],
    ])('keeps Sampled=%s', (flag, expected) => {
      expect(header(`Root=${ROOT};Sampled=${flag}`).sampled).toBe(expected);
    });
    it('leaves sampled undefined when absent (undecided)', () => {
      expect(header(`Root=${ROOT};Parent=${PARENT}`).sampled).toBeUndefined();
    });
    it.each(['2', 'true', '', '01', '1?'])('refuses Sampled=%s', (flag) => {
      const result = parseTraceHeader(`Root=${ROOT};Parent=${PARENT};Sampled=${flag}`);
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('Sampled') });
    });
  });

  describe('Root and Parent', () => {
    it('refuses an invalid Root with its reason', () => {
      expect(parseTraceHeader('Root=1-00000000-000000000000000000000000')).toEqual({
        ok: false,
        reason: 'invalid Root "1-00000000-000000000000000000000000" (all-zero)',
      });
    });
    it('refuses an invalid Parent', () => {
      expect(parseTraceHeader(`Root=${ROOT};Parent=xyz`)).toMatchObject({
        ok: false,
        reason: 'invalid Parent "xyz" (bad-format)',
      });
    });
    it('refuses an empty Root', () => {
      expect(parseTraceHeader(`${CANONICAL};Root=`).ok).toBe(false);
    });
    it('clips a long invalid value in the reason', () => {
      const result = parseTraceHeader(`Root=${'x'.repeat(100)}`);
      expect(!result.ok && result.reason.length).toBeLessThan(80);
    });
    it('accepts a header without Root (the propagator decides what that means)', () => {
      expect(header('Sampled=?')).toEqual({ sampled: '?', extra: [] });
    });
  });

  describe('Self, Lineage and unknown fields', () => {
    it('keeps unknown fields in order and spelling', () => {
      expect(header(`${CANONICAL};b=2;A=1;b=3`).extra).toEqual([
        ['b', '2'],
        ['A', '1'],
        ['b', '3'],
      ]);
    });
    it('drops an unknown field whose key is not a token or whose value has control characters', () => {
      expect(header(`${CANONICAL};a b=1;ok=1;bad=x\u0001y;uni=é`).extra).toEqual([['ok', '1']]);
    });
    it('keeps Lineage opaque', () => {
      expect(header(`${CANONICAL};Lineage=a87bd80c:1|68fd508a:5`).lineage).toBe(
        'a87bd80c:1|68fd508a:5',
      );
    });
    it('drops an empty or non-ASCII Lineage but keeps the header', () => {
      expect(header(`${CANONICAL};Lineage=`).lineage).toBeUndefined();
      expect(header(`${CANONICAL};Lineage=\u00e9`).lineage).toBeUndefined();
    });
    it('drops an invalid Self but keeps the header', () => {
      expect(header(`Self=1-1-1;${CANONICAL}`)).toEqual(header(CANONICAL));
    });
  });

  describe('bounds', () => {
    it('refuses a value longer than the limit', () => {
      const long = `${CANONICAL};x=${'a'.repeat(MAX_TRACE_HEADER_LENGTH)}`;
      expect(parseTraceHeader(long)).toEqual({
        ok: false,
        reason: `longer than ${MAX_TRACE_HEADER_LENGTH} characters`,
      });
    });
    it('refuses a 1 MB value without reading it', () => {
      const huge = `${CANONICAL};`.repeat(20_000);
      expect(huge.length).toBeGreaterThan(1_000_000);
      expect(parseTraceHeader(huge).ok).toBe(false);
    });
    it('accepts exactly the field limit and refuses one more', () => {
      const fields = (n: number) => [
        CANONICAL,
        ...Array.from({ length: n - 3 }, (_, i) => `k${i}=v`),
      ];
      expect(parseTraceHeader(fields(MAX_TRACE_HEADER_FIELDS).join(';')).ok).toBe(true);
      expect(parseTraceHeader(fields(MAX_TRACE_HEADER_FIELDS + 1).join(';'))).toEqual({
        ok: false,
        reason: `more than ${MAX_TRACE_HEADER_FIELDS} fields`,
      });
    });
  });

  describe('contextOnly', () => {
    it('reads Root, Parent, Sampled and reports the other fields as hasMore', () => {
      const result = parseTraceHeader(`Self=1-1-1;${CANONICAL};Lineage=a:1;x=y`, {
        contextOnly: true,
      });
      expect(result).toMatchObject({
        ok: true,
        hasMore: true,
        header: { root: ROOT, parent: PARENT, sampled: '1', extra: [] },
      });
      expect(result.ok && result.header.lineage).toBeUndefined();
      expect(parseTraceHeader(CANONICAL, { contextOnly: true })).toMatchObject({ hasMore: false });
    });
    it.each([...fixtures.valid, ...fixtures.refused])(
      'accepts and refuses as the full parse does: $name',
      ({ header: value }) => {
        const full = parseTraceHeader(value);
        const fast = parseTraceHeader(value, { contextOnly: true });
        expect(fast.ok).toBe(full.ok);
        if (fast.ok && full.ok) {
          const { root, parent, sampled } = full.header;
          expect(fast.header).toMatchObject({ root, parent, sampled });
        }
      },
    );
  });

  describe('non-headers', () => {
    it.each([
      ['undefined', undefined],
      ['a number', 7],
      ['an object', {}],
      ['an empty array', []],
    ])('refuses %s', (_name, value) => {
      expect(parseTraceHeader(value)).toEqual({ ok: false, reason: 'not a string' });
    });
    it.each(['', ' ', ';', 'garbage'])('refuses %j', (value) => {
      expect(parseTraceHeader(value)).toEqual({ ok: false, reason: 'no key=value field' });
    });
  });
});

describe('formatTraceHeader', () => {
  describe('canonical form', () => {
    it('writes Root, Parent, Sampled in that order without spaces', () => {
      expect(formatTraceHeader({ sampled: '1', parent: PARENT, root: ROOT })).toBe(CANONICAL);
    });
    it('omits absent fields', () => {
      expect(formatTraceHeader({ root: ROOT, sampled: '?' })).toBe(`Root=${ROOT};Sampled=?`);
      expect(formatTraceHeader({})).toBe('');
    });
    it('writes Self only when asked', () => {
      const self = '1-67891235-abcdef0123456789abcdef01';
      expect(formatTraceHeader({ root: ROOT, self })).toBe(`Root=${ROOT}`);
      expect(formatTraceHeader({ root: ROOT, self }, { includeSelf: true })).toBe(
        `Root=${ROOT};Self=${self}`,
      );
    });
    it('writes Lineage after Sampled and unknown fields last, in order', () => {
      const value = formatTraceHeader({
        root: ROOT,
        parent: PARENT,
        sampled: '0',
        lineage: '1:fcb2f2e4:0',
        extra: [
          ['b', '2'],
          ['a', '1'],
        ],
      });
      expect(value).toBe(`Root=${ROOT};Parent=${PARENT};Sampled=0;Lineage=1:fcb2f2e4:0;b=2;a=1`);
    });
  });

  describe('unknown fields', () => {
    it('drops fields past the length budget', () => {
      const extra: Array<[string, string]> = [
        ['a', 'x'.repeat(200)],
        ['b', 'y'.repeat(100)],
        ['c', 'z'],
      ];
      expect(formatTraceHeader({ root: ROOT, extra })).toBe(
        `Root=${ROOT};a=${'x'.repeat(200)};c=z`,
      );
      expect(formatTraceHeader({ root: ROOT, extra }, { maxExtraLength: 10 })).toBe(
        `Root=${ROOT};c=z`,
      );
    });
    it('skips fields that could not be parsed back', () => {
      const extra: Array<[string, string]> = [
        ['Root', 'x'],
        ['a b', '1'],
        ['c', 'x;Root=1'],
        ['d', 'line\nbreak'],
        ['e', ' padded'],
        ['ok', '1'],
      ];
      expect(formatTraceHeader({ root: ROOT, extra })).toBe(`Root=${ROOT};ok=1`);
    });
    it('skips a Lineage that could not be parsed back', () => {
      expect(formatTraceHeader({ root: ROOT, lineage: 'a;Sampled=1' })).toBe(`Root=${ROOT}`);
    });
  });

  describe('round trip', () => {
    it.each(fixtures.valid)('parses back what it writes for $name', ({ header: value }) => {
      const parsed = header(value);
      const { self: _self, ...withoutSelf } = parsed;
      expect(header(formatTraceHeader(parsed))).toEqual(withoutSelf);
    });
  });
});
