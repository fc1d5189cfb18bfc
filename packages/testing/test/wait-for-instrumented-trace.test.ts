import { describe, it, expect, afterEach } from 'vitest';
import { InstrumentationError, TraceTimeoutError, waitForInstrumentedTrace } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';
import { startFakeXRayApi, type FakeXRayApi, type RecordedCall } from './helpers/fake-xray-api.ts';

const ID = '1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01';
const OTHER = '1-6743a1f5-000000000000000000000001';
const full = fixture('order-flow.batch-get-traces.json');
const partial = fixture('broken-flow.batch-get-traces.json'); // orders and shipping, no inventory
const unprocessed = { Traces: [], UnprocessedTraceIds: [ID] };

const savedDaemon = process.env.AWS_XRAY_DAEMON_ADDRESS;
let api: FakeXRayApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (savedDaemon === undefined) delete process.env.AWS_XRAY_DAEMON_ADDRESS;
  else process.env.AWS_XRAY_DAEMON_ADDRESS = savedDaemon;
});

/** BatchGetTraces answers `traces`; GetTraceSummaries answers by filter expression. */
function scripted(traces: unknown, byFilter: Record<string, string[]>) {
  return (call: RecordedCall) => {
    if (call.path !== '/TraceSummaries') return traces;
    const filter = (call.body.FilterExpression as string | undefined) ?? '';
    const ids = byFilter[filter] ?? [];
    const everyone = ['orders', 'order-placed', 'shipping'].map((Name) => ({ Name }));
    return { TraceSummaries: ids.map((Id) => ({ Id, ServiceIds: everyone })), ApproximateTime: 1 };
  };
}

const summaryCalls = (a: FakeXRayApi) => a.calls.filter((c) => c.path === '/TraceSummaries');

describe('waitForInstrumentedTrace', () => {
  describe('when the trace arrives', () => {
    it('returns it without asking about activity', async () => {
      api = await startFakeXRayApi(scripted(full, {}));
      const trace = await waitForInstrumentedTrace(ID, {
        xray: api.endpoint,
        services: ['orders', 'inventory', 'shipping'],
      });
      expect(trace.services).toEqual(['orders', 'inventory', 'shipping']);
      expect(summaryCalls(api)).toEqual([]);
    });
  });

  describe('when an expected service sent nothing at all', () => {
    it('throws an InstrumentationError naming it and the likely causes', async () => {
      process.env.AWS_XRAY_DAEMON_ADDRESS = '127.0.0.1:2999';
      api = await startFakeXRayApi(scripted(partial, { '': [OTHER] }));
      const before = Date.now();
      const error = await waitForInstrumentedTrace(ID, {
        xray: api.endpoint,
        services: ['shipping', 'inventory'],
        timeoutMs: 200,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InstrumentationError);
      expect(error).toBeInstanceOf(TraceTimeoutError);
      const e = error as InstrumentationError;
      expect(e.silent).toEqual(['inventory']);
      expect(e.activity).toEqual([{ service: 'inventory', traces: 0, traceIds: [] }]);
      expect(e.lastTrace?.services).toEqual(['orders', 'shipping']);
      expect(e.message).toContain('missing:  services inventory; parents of shipping');
      expect(e.message).toContain('  ✗ inventory: no segments at all');
      expect(e.message).toContain('inventory sent no segments at all. Likely causes:');
      expect(e.message).toContain('`node --import @otel-xray/node/register …`');
      expect(e.message).toContain(
        'AWS_XRAY_DAEMON_ADDRESS of the service process is not 127.0.0.1:2999',
      );
      expect(e.message).toContain(
        'the service name (OTEL_SERVICE_NAME) differs from "inventory" — X-Ray did receive segments from: orders, order-placed, shipping',
      );
      const asked = summaryCalls(api).find(
        (c) => c.body.FilterExpression === 'service("inventory")',
      );
      expect(asked).toBeDefined();
      const start = (asked?.body.StartTime as number) * 1000;
      expect(start).toBeGreaterThanOrEqual(before - 61_000);
      expect(start).toBeLessThanOrEqual(before - 59_000);
    });
  });

  describe('when a missing service is active in other traces', () => {
    it('says the context did not reach it instead', async () => {
      api = await startFakeXRayApi(scripted(partial, { 'service("inventory")': [OTHER] }));
      const error = (await waitForInstrumentedTrace(ID, {
        xray: api.endpoint,
        services: ['inventory'],
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TraceTimeoutError);
      expect(error).not.toBeInstanceOf(InstrumentationError);
      expect(error.message).toContain('  ✓ inventory: segments in 1 other trace');
      expect(error.message).toContain(
        "inventory is instrumented, but this trace's context did not reach it",
      );
    });
  });

  describe('when nothing arrived and no services are named', () => {
    it('reports that X-Ray received no segments at all', async () => {
      api = await startFakeXRayApi(scripted(unprocessed, {}));
      const error = (await waitForInstrumentedTrace(ID, {
        xray: api.endpoint,
        timeoutMs: 200,
        activitySince: new Date(0),
      }).catch((e: unknown) => e)) as InstrumentationError;
      expect(error).toBeInstanceOf(InstrumentationError);
      expect(error.silent).toEqual([]);
      expect(error.message).toContain('  ✗ no segments from any service');
      expect(error.message).toContain('No service sent any segment to this X-Ray. Likely causes:');
      expect(summaryCalls(api)[0]?.body.StartTime).toBe(0);
    });
  });

  describe('when every expected service is present', () => {
    it('rethrows the timeout as it was', async () => {
      api = await startFakeXRayApi(scripted(partial, {}));
      const error = (await waitForInstrumentedTrace(ID, {
        xray: api.endpoint,
        services: ['orders', 'shipping'],
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TraceTimeoutError);
      expect(error).not.toBeInstanceOf(InstrumentationError);
      expect(error.message).not.toContain('Instrumentation check');
      expect(summaryCalls(api)).toEqual([]);
    });
  });
});
