import { describe, it, expect } from 'vitest';
import { parseTraceHeader } from '@otel-xray/core';
import { invocationTrace } from '../../src/lambda/invocation-trace.ts';

const ids = (): (() => string) => {
  const list = ['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa2'];
  return () => list.shift() ?? 'ffffffffffffffff';
};
const deps = () => ({ nowMs: Date.UTC(2026, 0, 1), segmentId: ids() });
const caller = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

describe('invocationTrace', () => {
  describe('with Active tracing', () => {
    it('continues the caller trace and parents the function header on the function segment', () => {
      const t = invocationTrace(`${caller};Lineage=a87bd80c:0`, 'Active', deps());
      expect(t).toMatchObject({
        traceId: '1-5759e988-bd862e3fe1be46a994272793',
        recorded: true,
        callerId: '53995c3f42cd8ad8',
        serviceSegmentId: 'aaaaaaaaaaaaaaa1',
        functionSegmentId: 'aaaaaaaaaaaaaaa2',
      });
      expect(t.functionHeader).toBe(
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=aaaaaaaaaaaaaaa2;Sampled=1;Lineage=a87bd80c:0',
      );
    });

    it('starts a sampled trace when no header came', () => {
      const t = invocationTrace(undefined, 'Active', deps());
      expect(t.recorded).toBe(true);
      expect(t.callerId).toBeUndefined();
      const header = parseTraceHeader(t.functionHeader);
      expect(header.ok && header.header.root).toBe(t.traceId);
      expect(t.traceId.slice(2, 10)).toBe((Date.UTC(2026, 0, 1) / 1000).toString(16));
    });

    it('honours Sampled=0: nothing recorded, the caller parent passed on', () => {
      const t = invocationTrace(caller.replace('Sampled=1', 'Sampled=0'), 'Active', deps());
      expect(t.recorded).toBe(false);
      expect(t.functionHeader).toBe(
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
      );
    });

    it('treats a malformed header as none', () => {
      const t = invocationTrace('Root=garbage;Parent=x', 'Active', deps());
      expect(t.recorded).toBe(true);
      expect(t.traceId).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    });
  });

  describe('with PassThrough', () => {
    it('records nothing and forwards the caller header', () => {
      const t = invocationTrace(caller, 'PassThrough', deps());
      expect(t.recorded).toBe(false);
      expect(t.functionHeader).toBe(caller);
    });

    it('starts an unsampled trace when no header came', () => {
      const t = invocationTrace(undefined, 'PassThrough', deps());
      expect(t.recorded).toBe(false);
      expect(t.functionHeader).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0$/);
    });
  });
});
