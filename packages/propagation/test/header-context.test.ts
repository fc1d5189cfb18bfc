import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { extractTraceHeader, traceHeaderForContext } from '@otel-xray/propagation';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const TRACE_ID = '5759e988bd862e3fe1be46a994272793';
const SPAN = 'a1b2c3d4e5f60718';
const active = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: TRACE_ID,
  spanId: SPAN,
  traceFlags: 1,
});
const OURS = `Root=${ROOT};Parent=${SPAN};Sampled=1`;

describe('traceHeaderForContext', () => {
  describe('without an existing value', () => {
    it('writes the canonical header', () => {
      expect(traceHeaderForContext(active)).toBe(OURS);
    });
    it('gives undefined without a span context', () => {
      expect(traceHeaderForContext(ROOT_CONTEXT)).toBeUndefined();
    });
  });

  describe('merging with an existing value', () => {
    it('replaces Root, Parent and Sampled but keeps Lineage and unknown fields', () => {
      const existing =
        'Root=1-65dc2f1a-0f1d6d2a7e7d4c3b2a190817;Parent=0a1b2c3d4e5f6071;Sampled=0;Lineage=1:fcb2f2e4:0;Team=a';
      expect(traceHeaderForContext(active, existing)).toBe(`${OURS};Lineage=1:fcb2f2e4:0;Team=a`);
    });
    it('prefers the existing Lineage over the extracted one and merges unknown fields', () => {
      const extracted = extractTraceHeader(
        active,
        `Root=${ROOT};Parent=${SPAN};Sampled=1;Lineage=old:1;A=1;B=2`,
      );
      expect(traceHeaderForContext(extracted, `Root=${ROOT};Lineage=new:2;B=3`)).toBe(
        `${OURS};Lineage=new:2;B=3;A=1`,
      );
    });
    it('replaces an existing value it cannot parse', () => {
      expect(traceHeaderForContext(active, 'garbage')).toBe(OURS);
    });
    it('gives undefined without a span context, so the existing value stays', () => {
      expect(traceHeaderForContext(ROOT_CONTEXT, OURS)).toBeUndefined();
    });
  });
});
