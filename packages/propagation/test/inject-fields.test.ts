import { describe, expect, it } from 'vitest';
import { ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { extractTraceHeader, traceHeaderForContext } from '@otel-xray/propagation';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const TRACE_ID = '5759e988bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

function child(extracted: Context, spanId: string, traceFlags: number): Context {
  return trace.setSpanContext(extracted, { traceId: TRACE_ID, spanId, traceFlags });
}

describe('traceHeaderForContext with an extracted header', () => {
  describe('Lineage and unknown fields', () => {
    it('appends the same fields for every child span', () => {
      const extracted = extractTraceHeader(
        ROOT_CONTEXT,
        `Self=1-67891235-abcdef0123456789abcdef01;Root=${ROOT};Parent=${PARENT};Sampled=1;Lineage=a:1;Team=a`,
      );
      expect(traceHeaderForContext(child(extracted, 'a1b2c3d4e5f60718', 1))).toBe(
        `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=1;Lineage=a:1;Team=a`,
      );
      expect(traceHeaderForContext(child(extracted, '0a1b2c3d4e5f6071', 0))).toBe(
        `Root=${ROOT};Parent=0a1b2c3d4e5f6071;Sampled=0;Lineage=a:1;Team=a`,
      );
    });
    it('keeps the first of a repeated unknown key', () => {
      const extracted = extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT};A=1;A=2`);
      expect(traceHeaderForContext(extracted)).toBe(`Root=${ROOT};Parent=${PARENT};A=1`);
    });
    it('drops unknown fields past the 256-character budget', () => {
      const long = `Big=${'b'.repeat(300)}`;
      const extracted = extractTraceHeader(
        ROOT_CONTEXT,
        `Root=${ROOT};Parent=${PARENT};Sampled=1;${long};Small=s`,
      );
      expect(traceHeaderForContext(extracted)).toBe(
        `Root=${ROOT};Parent=${PARENT};Sampled=1;Small=s`,
      );
    });
  });

  describe('an undecided parent', () => {
    it('forwards no Sampled, then Lineage, while no span decided', () => {
      const value = `Root=${ROOT};Parent=${PARENT};Lineage=a:1`;
      expect(traceHeaderForContext(extractTraceHeader(ROOT_CONTEXT, value))).toBe(value);
    });
    it('writes the decision of a child span before the Lineage', () => {
      const extracted = extractTraceHeader(
        ROOT_CONTEXT,
        `Root=${ROOT};Parent=${PARENT};Sampled=?;Lineage=a:1`,
      );
      expect(traceHeaderForContext(child(extracted, 'a1b2c3d4e5f60718', 0))).toBe(
        `Root=${ROOT};Parent=a1b2c3d4e5f60718;Sampled=0;Lineage=a:1`,
      );
    });
  });
});
