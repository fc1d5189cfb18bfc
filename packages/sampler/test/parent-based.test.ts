import { ROOT_CONTEXT, SpanKind, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace';
import { extractTraceHeader } from '@otel-xray/propagation';
import { describe, expect, it } from 'vitest';
import { XRaySampler, xrayParentBasedSampler } from '../src/index.ts';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const PARENT = '53995c3f42cd8ad8';

/** Rules that sample everything, so "asked the rules" is distinguishable from `Sampled=0`. */
function sampleAll() {
  return xrayParentBasedSampler(
    new XRaySampler({
      centralized: false,
      localRules: { version: 2, rules: [], default: { fixed_target: 0, rate: 1 } },
    }),
  );
}
/** Rules that sample nothing, so "asked the rules" is distinguishable from `Sampled=1`. */
function sampleNone() {
  return xrayParentBasedSampler(
    new XRaySampler({
      centralized: false,
      localRules: { version: 2, rules: [], default: { fixed_target: 0, rate: 0 } },
    }),
  );
}

function decide(sampler: ReturnType<typeof sampleAll>, ctx: Context): boolean {
  return (
    sampler.shouldSample(ctx, '5759e988bd862e3fe1be46a994272793', 's', SpanKind.SERVER, {}, [])
      .decision === SamplingDecision.RECORD_AND_SAMPLED
  );
}

describe('xrayParentBasedSampler', () => {
  describe('remote parent from X-Amzn-Trace-Id', () => {
    it('follows Sampled=1 even when the rules would drop', () => {
      const ctx = extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT};Sampled=1`);
      expect(decide(sampleNone(), ctx)).toBe(true);
    });

    it('follows Sampled=0 even when the rules would sample', () => {
      const ctx = extractTraceHeader(ROOT_CONTEXT, `Root=${ROOT};Parent=${PARENT};Sampled=0`);
      expect(decide(sampleAll(), ctx)).toBe(false);
    });

    it.each([`Root=${ROOT};Parent=${PARENT};Sampled=?`, `Root=${ROOT};Parent=${PARENT}`])(
      'asks the rules for the undecided header %s',
      (header) => {
        const ctx = extractTraceHeader(ROOT_CONTEXT, header);
        expect(decide(sampleAll(), ctx)).toBe(true);
        expect(decide(sampleNone(), ctx)).toBe(false);
      },
    );
  });

  describe('no parent', () => {
    it('asks the rules', () => {
      expect(decide(sampleAll(), ROOT_CONTEXT)).toBe(true);
      expect(decide(sampleNone(), ROOT_CONTEXT)).toBe(false);
    });
  });

  describe('local parent', () => {
    it('follows the parent flag', () => {
      const parent = (flags: TraceFlags) =>
        trace.setSpanContext(ROOT_CONTEXT, {
          traceId: '5759e988bd862e3fe1be46a994272793',
          spanId: PARENT,
          traceFlags: flags,
        });
      expect(decide(sampleNone(), parent(TraceFlags.SAMPLED))).toBe(true);
      expect(decide(sampleAll(), parent(TraceFlags.NONE))).toBe(false);
    });
  });

  describe('extras', () => {
    it('forwards explain and shutdown to the root sampler', async () => {
      const sampler = sampleAll();
      expect(sampler.explain().rule).toBe('Default');
      await sampler.shutdown();
      expect(sampler.toString()).toMatch(/^XRayParentBased\{root=XRaySampler\{local\}\}$/);
    });
  });
});
