import { describe, expect, it } from 'vitest';
import { isSpanContextValid } from '@opentelemetry/api';
import { canonicalTraceHeader } from '../src/internal/canonical-format.ts';
import { Rng } from './support/header-fuzz.ts';

const T1 = '5759e988bd862e3fe1be46a994272793';
const T2 = '65dc2f1a0f1d6d2a7e7d4c3b2a190817';
const S1 = '53995c3f42cd8ad8';
const S2 = 'a1b2c3d4e5f60718';

/** The header as the peer propagator writes it, for IDs `isSpanContextValid` accepts. */
function expected(traceId: string, spanId: string, sampled: boolean): string | undefined {
  if (!isSpanContextValid({ traceId, spanId, traceFlags: 0 })) return undefined;
  return `Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)};Parent=${spanId};Sampled=${sampled ? 1 : 0}`;
}

describe('canonicalTraceHeader', () => {
  describe('valid IDs', () => {
    it('writes Root, Parent and Sampled', () => {
      expect(canonicalTraceHeader(T1, S1, true)).toBe(
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      );
    });
    it('gives the right header for the same trace with another span and flag', () => {
      // The second and third calls reuse the first one's Root part.
      expect(canonicalTraceHeader(T2, S1, true)).toBe(expected(T2, S1, true));
      expect(canonicalTraceHeader(T2, S2, false)).toBe(expected(T2, S2, false));
      expect(canonicalTraceHeader(T2, S1, true)).toBe(expected(T2, S1, true));
      expect(canonicalTraceHeader(T1, S2, false)).toBe(expected(T1, S2, false));
    });
    it('writes IDs as given, uppercase included', () => {
      const upper = T1.toUpperCase();
      expect(canonicalTraceHeader(upper, S1, false)).toBe(expected(upper, S1, false));
      expect(canonicalTraceHeader(T1, S1, false)).toBe(expected(T1, S1, false));
    });
  });

  describe('invalid IDs', () => {
    it.each([
      ['an all-zero trace ID', '0'.repeat(32), S1],
      ['an all-zero span ID', T1, '0'.repeat(16)],
      ['a short trace ID', T1.slice(1), S1],
      ['a non-hex span ID', T1, `${S1.slice(1)}g`],
      ['a non-string trace ID', undefined, S1],
      ['a non-string span ID', T1, 12],
    ])('gives undefined for %s, also right after a valid call', (_name, traceId, spanId) => {
      expect(canonicalTraceHeader(T1, S1, true)).toBeDefined();
      expect(canonicalTraceHeader(traceId as string, spanId as string, true)).toBeUndefined();
    });
  });

  describe('agreement with isSpanContextValid', () => {
    it('agrees on 20,000 seeded ID pairs, some repeated, some broken', () => {
      const rng = new Rng(2026);
      const traces = Array.from({ length: 8 }, () => rng.hex(32));
      for (let i = 0; i < 20_000; i++) {
        let traceId = rng.chance(0.7) ? rng.pick(traces) : rng.hex(32);
        let spanId = rng.hex(16);
        if (rng.chance(0.1)) traceId = traceId.toUpperCase();
        if (rng.chance(0.05)) traceId = traceId.slice(0, 31) + rng.pick(['g', ' ', '', 'ff']);
        if (rng.chance(0.05)) spanId = rng.pick(['0'.repeat(16), spanId.slice(1), `${spanId}0`]);
        const sampled = rng.chance(0.5);
        expect(canonicalTraceHeader(traceId, spanId, sampled)).toBe(
          expected(traceId, spanId, sampled),
        );
      }
    });
  });
});
