import { describe, it, expect } from 'vitest';
import { probeTraceHeader, sameTraceHeader } from '../src/propagation-check/probe-header.ts';

describe('probeTraceHeader', () => {
  describe('with random bytes and a clock', () => {
    it('builds a sampled X-Ray header with the epoch in the root', () => {
      const bytes = Uint8Array.from({ length: 20 }, (_, i) => i);
      expect(probeTraceHeader(bytes, 1_732_485_616.9)).toBe(
        'Root=1-6743a1f0-000102030405060708090a0b;Parent=0c0d0e0f10111213;Sampled=1',
      );
    });
  });
});

describe('sameTraceHeader', () => {
  const sent = 'Root=1-6743a1f0-000102030405060708090a0b;Parent=0c0d0e0f10111213;Sampled=1';

  describe('with the same Root and Parent', () => {
    it('ignores field order, case, spaces and extra fields', () => {
      expect(
        sameTraceHeader(
          sent,
          'parent=0C0D0E0F10111213; root=1-6743A1F0-000102030405060708090A0B;Lineage=a:1',
        ),
      ).toBe(true);
    });
  });

  describe('with another Parent, a missing field or nothing', () => {
    it('is false', () => {
      expect(sameTraceHeader(sent, sent.replace('Parent=0c', 'Parent=0d'))).toBe(false);
      expect(sameTraceHeader(sent, 'Root=1-6743a1f0-000102030405060708090a0b')).toBe(false);
      expect(sameTraceHeader(sent, undefined)).toBe(false);
    });
  });
});
