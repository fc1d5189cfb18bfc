import { describe, expect, it } from 'vitest';
import {
  epochHex,
  isSegmentId,
  isTraceId,
  newSegmentId,
  newTraceId,
  normalizeSegmentId,
  parseSegmentId,
  parseTraceId,
  traceIdFromW3C,
  traceIdToW3C,
} from '@otel-xray/core';

const TRACE = '1-58406520-a006649127e371903a2de979';
const W3C = '58406520a006649127e371903a2de979';

describe('ids', () => {
  describe('isTraceId', () => {
    it('accepts a canonical trace ID', () => {
      expect(isTraceId(TRACE)).toBe(true);
    });
    it.each([
      ['uppercase hex', TRACE.toUpperCase()],
      ['short epoch', '1-5840652-a006649127e371903a2de979'],
      ['wrong version', '2-58406520-a006649127e371903a2de979'],
      ['W3C form', W3C],
      ['all zero', '1-00000000-000000000000000000000000'],
      ['trailing text', `${TRACE} `],
      ['a number', 42],
      ['undefined', undefined],
    ])('refuses %s', (_name, value) => {
      expect(isTraceId(value)).toBe(false);
    });
  });

  describe('isSegmentId', () => {
    it('accepts 16 lowercase hex', () => {
      expect(isSegmentId('53995c3f42cd8ad8')).toBe(true);
    });
    it.each([
      ['uppercase', '53995C3F42CD8AD8'],
      ['15 hex', '53995c3f42cd8ad'],
      ['17 hex', '53995c3f42cd8ad80'],
      ['all zero', '0000000000000000'],
      ['non-hex', '53995c3f42cd8adg'],
      ['null', null],
    ])('refuses %s', (_name, value) => {
      expect(isSegmentId(value)).toBe(false);
    });
  });

  describe('parseTraceId', () => {
    it('splits epoch and random part', () => {
      expect(parseTraceId(TRACE)).toEqual({
        ok: true,
        value: { traceId: TRACE, epochSeconds: 0x58406520, random: 'a006649127e371903a2de979' },
      });
    });
    it('lowercases any hex case', () => {
      const parsed = parseTraceId('1-5840652A-A006649127E371903A2DE979');
      expect(parsed.ok && parsed.value.traceId).toBe('1-5840652a-a006649127e371903a2de979');
    });
    it('accepts a zero epoch when the random part is not zero (W3C-born IDs)', () => {
      expect(parseTraceId('1-00000000-000000000000000000000001').ok).toBe(true);
    });
    it('reports not-a-string', () => {
      expect(parseTraceId(123)).toEqual({ ok: false, error: 'not-a-string', input: 123 });
    });
    it.each([
      ['short epoch', '1-5840652-a006649127e371903a2de979'],
      ['36 chars', `${TRACE}0`],
      ['missing dash', '1-58406520a006649127e371903a2de979'],
      ['non-hex', '1-58406520-a006649127e371903a2de97z'],
      ['empty', ''],
    ])('reports bad-format for %s', (_name, value) => {
      expect(parseTraceId(value)).toEqual({ ok: false, error: 'bad-format', input: value });
    });
    it('reports all-zero', () => {
      const zero = '1-00000000-000000000000000000000000';
      expect(parseTraceId(zero)).toEqual({ ok: false, error: 'all-zero', input: zero });
    });
  });

  describe('parseSegmentId', () => {
    it('lowercases a valid ID', () => {
      expect(parseSegmentId('53995C3F42CD8AD8')).toEqual({ ok: true, value: '53995c3f42cd8ad8' });
    });
    it('reports each kind of refusal', () => {
      expect(parseSegmentId(undefined)).toMatchObject({ ok: false, error: 'not-a-string' });
      expect(parseSegmentId('xyz')).toMatchObject({ ok: false, error: 'bad-format' });
      expect(parseSegmentId('0000000000000000')).toMatchObject({ ok: false, error: 'all-zero' });
    });
  });

  describe('normalizeSegmentId', () => {
    it('returns the lowercase ID or undefined', () => {
      expect(normalizeSegmentId('ABCDEF0123456789')).toBe('abcdef0123456789');
      expect(normalizeSegmentId('abc')).toBeUndefined();
    });
  });

  describe('traceIdToW3C', () => {
    it('drops the version and the dashes', () => {
      expect(traceIdToW3C(TRACE)).toBe(W3C);
    });
    it('lowercases', () => {
      expect(traceIdToW3C(TRACE.toUpperCase())).toBe(W3C);
    });
    it('returns undefined for an invalid ID', () => {
      expect(traceIdToW3C(W3C)).toBeUndefined();
      expect(traceIdToW3C({})).toBeUndefined();
    });
  });

  describe('traceIdFromW3C', () => {
    it('inserts version and dashes, losslessly', () => {
      expect(traceIdFromW3C(W3C)).toBe(TRACE);
      expect(traceIdToW3C(traceIdFromW3C(W3C))).toBe(W3C);
    });
    it('lowercases', () => {
      expect(traceIdFromW3C(W3C.toUpperCase())).toBe(TRACE);
    });
    it.each([
      ['all zero', '0'.repeat(32)],
      ['31 hex', W3C.slice(1)],
      ['non-hex', `${W3C.slice(1)}g`],
      ['X-Ray form', TRACE],
      ['a number', 1],
    ])('returns undefined for %s', (_name, value) => {
      expect(traceIdFromW3C(value)).toBeUndefined();
    });
  });

  describe('epochHex', () => {
    it('writes Unix seconds as 8 hex', () => {
      expect(epochHex(0x58406520 * 1000 + 999)).toBe('58406520');
    });
    it('pads small times', () => {
      expect(epochHex(1000)).toBe('00000001');
    });
    it('wraps at 2^32 seconds like the uint32 field', () => {
      expect(epochHex((2 ** 32 + 5) * 1000)).toBe('00000005');
    });
    it.each([NaN, -1, Infinity])('throws a RangeError for %s', (value) => {
      expect(() => epochHex(value)).toThrow(RangeError);
    });
  });

  describe('newTraceId', () => {
    it('carries the given epoch and is valid', () => {
      const id = newTraceId(0x58406520 * 1000);
      expect(id.slice(0, 11)).toBe('1-58406520-');
      expect(isTraceId(id)).toBe(true);
    });
    it('differs on every call', () => {
      const ids = new Set(Array.from({ length: 1000 }, () => newTraceId()));
      expect(ids.size).toBe(1000);
    });
    it('redraws an all-zero random part', () => {
      const draws = ['0'.repeat(24), 'f'.repeat(24)];
      expect(newTraceId(0, (n) => draws.shift()?.slice(0, n) ?? '')).toBe(
        `1-00000000-${'f'.repeat(24)}`,
      );
    });
  });

  describe('newSegmentId', () => {
    it('returns valid, distinct IDs', () => {
      const ids = Array.from({ length: 1000 }, () => newSegmentId());
      expect(ids.every(isSegmentId)).toBe(true);
      expect(new Set(ids).size).toBe(1000);
    });
    it('falls back to a fixed non-zero ID when the random source only gives zeros', () => {
      expect(newSegmentId((n) => '0'.repeat(n))).toBe('0000000000000001');
    });
  });
});
