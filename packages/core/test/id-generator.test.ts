import { describe, expect, it } from 'vitest';
import { XRayIdGenerator } from '@otel-xray/core';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

describe('XRayIdGenerator', () => {
  describe('generateTraceId', () => {
    it('starts with the current epoch seconds', () => {
      const generator = new XRayIdGenerator({ now: () => 0x6745a1b2 * 1000 + 500 });
      const id = generator.generateTraceId();
      expect(id).toMatch(HEX32);
      expect(id.slice(0, 8)).toBe('6745a1b2');
    });
    it('follows the clock from one second to the next', () => {
      let now = 1_700_000_000_000;
      const generator = new XRayIdGenerator(() => now);
      const first = generator.generateTraceId();
      now += 1000;
      const second = generator.generateTraceId();
      expect(parseInt(second.slice(0, 8), 16) - parseInt(first.slice(0, 8), 16)).toBe(1);
    });
    it('uses the system clock by default', () => {
      const before = Math.floor(Date.now() / 1000);
      const epoch = parseInt(new XRayIdGenerator().generateTraceId().slice(0, 8), 16);
      expect(epoch).toBeGreaterThanOrEqual(before);
      expect(epoch).toBeLessThanOrEqual(before + 1);
    });
    it('gives distinct IDs', () => {
      const generator = new XRayIdGenerator();
      const ids = new Set(Array.from({ length: 10_000 }, () => generator.generateTraceId()));
      expect(ids.size).toBe(10_000);
    });
    it('takes its random part from the random source', () => {
      const generator = new XRayIdGenerator({ now: () => 1000, random: (n) => 'ab'.repeat(n / 2) });
      expect(generator.generateTraceId()).toBe(`00000001${'ab'.repeat(12)}`);
    });
    it('never returns all zeros, even with a zero clock', () => {
      const draws = ['0'.repeat(24), '0'.repeat(23) + '7'];
      const generator = new XRayIdGenerator({ now: () => 0, random: () => draws.shift() ?? '' });
      expect(generator.generateTraceId()).toBe(`${'0'.repeat(31)}7`);
    });
    it('falls back to the system clock when the clock returns NaN', () => {
      const id = new XRayIdGenerator(() => NaN).generateTraceId();
      expect(id).toMatch(HEX32);
      expect(parseInt(id.slice(0, 8), 16)).toBeGreaterThan(1_700_000_000);
    });
  });

  describe('generateSpanId', () => {
    it('returns 16 lowercase hex, distinct', () => {
      const generator = new XRayIdGenerator();
      const ids = Array.from({ length: 10_000 }, () => generator.generateSpanId());
      expect(ids.every((id) => HEX16.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(10_000);
    });
    it('redraws an all-zero ID', () => {
      const draws = ['0'.repeat(16), '0123456789abcdef'];
      const generator = new XRayIdGenerator({ random: () => draws.shift() ?? '' });
      expect(generator.generateSpanId()).toBe('0123456789abcdef');
    });
  });

  describe('randomness', () => {
    it('spreads hex digits evenly (crypto source, not a constant)', () => {
      const generator = new XRayIdGenerator();
      const counts = new Map<string, number>();
      for (let i = 0; i < 4000; i++)
        for (const c of generator.generateSpanId()) counts.set(c, (counts.get(c) ?? 0) + 1);
      expect(counts.size).toBe(16);
      // 64,000 digits, 4,000 expected per digit; ±10% is > 6 standard deviations.
      for (const n of counts.values()) expect(Math.abs(n - 4000)).toBeLessThan(400);
    });
  });
});
