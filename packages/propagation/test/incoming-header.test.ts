import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  extractTraceHeader,
  getIncomingTraceHeader,
  isSamplingUndecided,
} from '@otel-xray/propagation';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

describe('isSamplingUndecided', () => {
  describe('with an extracted header', () => {
    it('is true on the remote parent of Sampled=?', () => {
      expect(
        isSamplingUndecided(
          extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT};Sampled=?`),
        ),
      ).toBe(true);
    });
    it('is false for Sampled=0 and Sampled=1', () => {
      for (const flag of ['0', '1'])
        expect(
          isSamplingUndecided(
            extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT};Sampled=${flag}`),
          ),
        ).toBe(false);
    });
    it('is false once a local span is the active one', () => {
      const extracted = extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT}`);
      const child = trace.setSpanContext(extracted, {
        traceId: '5759e988bd862e3fe1be46a994272793',
        spanId: 'a1b2c3d4e5f60718',
        traceFlags: 0,
      });
      expect(isSamplingUndecided(child)).toBe(false);
    });
    it('is false when the header had no Parent (no remote parent at all)', () => {
      const ctx = extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Sampled=?`);
      expect(getIncomingTraceHeader(ctx)?.sampled).toBe('?');
      expect(isSamplingUndecided(ctx)).toBe(false);
    });
  });

  describe('without an extracted header', () => {
    it('is false', () => {
      expect(isSamplingUndecided(ROOT_CONTEXT)).toBe(false);
    });
  });
});

describe('extractTraceHeader', () => {
  describe('values', () => {
    it('returns the same context for garbage', () => {
      for (const value of [undefined, 42, {}, 'x', `Root=${ROOT};Parent=nope`])
        expect(extractTraceHeader(ROOT_CONTEXT, value)).toBe(ROOT_CONTEXT);
    });
  });
});
