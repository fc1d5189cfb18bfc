import { describe, expect, it } from 'vitest';
import { TraceFlags } from '@opentelemetry/api';
import { parseTraceHeader } from '@otel-xray/core';
import { readCanonicalHeader } from '../src/internal/canonical-header.ts';
import { Rng } from './support/header-fuzz.ts';

/** The span context the full parser gives for a value, for comparison with the fast path. */
function viaParser(value: string) {
  const parsed = parseTraceHeader(value);
  if (!parsed.ok) return undefined;
  const { root, parent, sampled } = parsed.header;
  if (root === undefined || parent === undefined || (sampled !== '0' && sampled !== '1'))
    return undefined;
  return {
    traceId: root.slice(2, 10) + root.slice(11),
    spanId: parent,
    traceFlags: sampled === '1' ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  };
}

const CANONICAL = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

describe('readCanonicalHeader', () => {
  describe('the canonical shape', () => {
    it('reads trace ID, parent and flag', () => {
      expect(readCanonicalHeader(CANONICAL)).toEqual({
        traceId: '5759e988bd862e3fe1be46a994272793',
        spanId: '53995c3f42cd8ad8',
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
    });
    it('agrees with the full parser on 20,000 seeded canonical headers and edits of them', () => {
      const rng = new Rng(74);
      for (let i = 0; i < 20_000; i++) {
        let value = `Root=1-${rng.hex(8)}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=${rng.pick(['0', '1'])}`;
        if (rng.chance(0.5)) {
          const at = rng.int(value.length);
          const c = rng.pick(['0', 'A', 'g', ' ', ';', '=', '-', '?', 'f']);
          value = value.slice(0, at) + c + value.slice(at + 1);
        }
        const fast = readCanonicalHeader(value);
        if (fast !== undefined) expect(fast).toEqual(viaParser(value));
      }
    });
  });

  describe('other shapes', () => {
    it.each([
      ['uppercase hex', CANONICAL.replace('bd862e3f', 'BD862E3F')],
      [
        'another order',
        'Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
      ],
      ['Sampled=?', CANONICAL.replace('Sampled=1', 'Sampled=?')],
      [
        'all-zero trace ID',
        CANONICAL.replace('5759e988-bd862e3fe1be46a994272793', `00000000-${'0'.repeat(24)}`),
      ],
      ['all-zero parent', CANONICAL.replace('53995c3f42cd8ad8', '0'.repeat(16))],
      ['a trailing field', `${CANONICAL};Lineage=a:1`],
      ['lowercase key', CANONICAL.replace('Root', 'root')],
    ])('leaves %s to the full parser', (_name, value) => {
      expect(readCanonicalHeader(value)).toBeUndefined();
    });
    it('accepts a zero epoch when the random part is not zero, as the parser does', () => {
      const value = CANONICAL.replace('5759e988', '00000000');
      expect(readCanonicalHeader(value)).toEqual(viaParser(value));
    });
  });
});
