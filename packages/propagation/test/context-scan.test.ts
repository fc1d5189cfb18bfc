import { describe, expect, it } from 'vitest';
import { parseTraceHeader } from '@otel-xray/core';
import { scanTraceContext, type TraceContextFields } from '../src/internal/context-scan.ts';
import { Rng, fuzzHeader } from './support/header-fuzz.ts';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const TRACE_ID = '5759e988bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';
const BLOCK = `Root=${ROOT};Parent=${PARENT};Sampled=1`;

function scan(value: string): TraceContextFields | undefined {
  const out: TraceContextFields = {
    traceId: undefined,
    parent: undefined,
    sampled: undefined,
    more: false,
  };
  return scanTraceContext(value, out) ? out : undefined;
}

/** What `parseTraceHeader(value, { contextOnly: true })` says, in the scanner's terms. */
function viaParser(value: string): TraceContextFields | undefined {
  const parsed = parseTraceHeader(value, { contextOnly: true });
  if (!parsed.ok) return undefined;
  const { root, parent, sampled } = parsed.header;
  return {
    traceId: root === undefined ? undefined : root.slice(2, 10) + root.slice(11),
    parent,
    sampled,
    more: parsed.hasMore === true,
  };
}

/** The canonical block, in random hex (sometimes uppercase), with extra fields around it. */
function blockHeader(r: Rng): string {
  let block = `Root=1-${r.hex(8)}-${r.hex(24)};Parent=${r.hex(16)};Sampled=${r.pick(['0', '1', '?'])}`;
  if (r.chance(0.1)) block = block.replace(/[a-f]/g, (c) => (r.chance(0.3) ? c.toUpperCase() : c));
  const before = r.pick(['', `Self=1-${r.hex(8)}-${r.hex(24)};`, 'Root=1-x;', ' ', ';', 'a=b;']);
  const after = r.pick([
    '',
    ';',
    ';Lineage=a87bd80c:1',
    `;Root=1-${r.hex(8)}-${r.hex(24)}`,
    ';Parent=nope',
    ';Sampled=0',
    ';CalledFrom=app',
    ' ',
    'x',
    `;${'k=v;'.repeat(30)}`,
  ]);
  let value = before + block + after;
  if (r.chance(0.5)) {
    const at = r.int(value.length);
    const c = r.pick([';', '=', ' ', 'A', 'g', '0', '?', '-', '\u00a0']);
    value = value.slice(0, at) + c + value.slice(at + 1);
  }
  return value;
}

describe('scanTraceContext', () => {
  describe('agreement with parseTraceHeader (contextOnly)', () => {
    it('accepts, refuses and reads as the parser does on 100,000 fuzzed headers', () => {
      const rng = new Rng(0x5ca_2026);
      for (let i = 0; i < 100_000; i++) {
        const value = fuzzHeader(rng);
        expect(scan(value), value).toEqual(viaParser(value));
      }
    });
    it('does so on 50,000 headers built around the canonical block, edited at random', () => {
      const rng = new Rng(74_75);
      for (let i = 0; i < 50_000; i++) {
        const value = blockHeader(rng);
        expect(scan(value), value).toEqual(viaParser(value));
      }
    });
  });

  describe('the canonical block', () => {
    it.each([
      ['alone', BLOCK, { more: false, sampled: '1' }],
      ['with Lineage after it', `${BLOCK};Lineage=a:1`, { more: true, sampled: '1' }],
      ['after ALB Self', `Self=1-67891235-abcdef0123456789abcdef01;${BLOCK}`, { more: true }],
      ['with a trailing ;', `${BLOCK};`, { more: false }],
      ['with Sampled=?', BLOCK.replace('Sampled=1', 'Sampled=?'), { sampled: '?' }],
    ])('reads it %s', (_name, value, expected) => {
      expect(scan(value)).toMatchObject({ traceId: TRACE_ID, parent: PARENT, ...expected });
      expect(scan(value)).toEqual(viaParser(value));
    });
    it('lets a later Root, Parent or Sampled win over the block', () => {
      const later = '1-5759e988-0000000000000000000000ff';
      expect(scan(`${BLOCK};Root=${later};Parent=00000000000000aa;Sampled=0`)).toMatchObject({
        traceId: '5759e9880000000000000000000000ff',
        parent: '00000000000000aa',
        sampled: '0',
        more: false,
      });
    });
    it('wins over an earlier invalid Root', () => {
      expect(scan(`Root=1-x;${BLOCK}`)).toMatchObject({ traceId: TRACE_ID });
    });
    it('refuses a block followed by an invalid Parent', () => {
      expect(scan(`${BLOCK};Parent=nope`)).toBeUndefined();
    });
    it('lowercases uppercase hex and reads uppercase keys', () => {
      expect(scan(BLOCK.replace('bd862e3f', 'BD862E3F'))).toMatchObject({ traceId: TRACE_ID });
      expect(scan(BLOCK.toUpperCase())).toEqual({
        traceId: TRACE_ID,
        parent: PARENT,
        sampled: '1',
        more: false,
      });
    });
    it('splits a block-shaped value whose Root holds `;` into its real fields', () => {
      const value = `${BLOCK.replace('e1b', ';x=')};Root=${ROOT}`;
      expect(value.startsWith('Root=1-5759e988-bd862e3f;x=e46a994272793;Parent=')).toBe(true);
      expect(scan(value)).toEqual({ traceId: TRACE_ID, parent: PARENT, sampled: '1', more: true });
      expect(scan(value)).toEqual(viaParser(value));
    });
    it('counts its three fields toward the limit', () => {
      const at32 = `${BLOCK};${'k=v;'.repeat(29)}`;
      expect(scan(at32)).toBeDefined();
      expect(scan(`${at32}k=v`)).toBeUndefined();
    });
  });

  describe('refusals', () => {
    it.each([
      ['no key=value field', 'Root;Parent'],
      ['an all-zero Parent', `Root=${ROOT};Parent=0000000000000000`],
      ['a short epoch', `Root=1-5759e98-bd862e3fe1be46a994272793;Parent=${PARENT}`],
      ['Sampled=2', `Root=${ROOT};Parent=${PARENT};Sampled=2`],
      ['an empty Sampled', `Root=${ROOT};Parent=${PARENT};Sampled=`],
      ['more than 4,096 characters', `${BLOCK};x=${'a'.repeat(4096)}`],
    ])('refuses %s', (_name, value) => {
      expect(scan(value)).toBeUndefined();
    });
    it('leaves the output untouched when it refuses', () => {
      const out: TraceContextFields = { traceId: 'a', parent: 'b', sampled: '0', more: true };
      expect(scanTraceContext('garbage', out)).toBe(false);
      expect(out).toEqual({ traceId: 'a', parent: 'b', sampled: '0', more: true });
    });
  });
});
