import { describe, it, expect, afterEach } from 'vitest';
import { waitForTrace, TraceTimeoutError } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';
import { startFakeXRayApi, type FakeXRayApi } from './helpers/fake-xray-api.ts';

const ID = '1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01';
const full = fixture('order-flow.batch-get-traces.json');
const partial = fixture('broken-flow.batch-get-traces.json');
const unprocessed = { Traces: [], UnprocessedTraceIds: [ID] };

let api: FakeXRayApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('waitForTrace', () => {
  describe('with a trace ID', () => {
    it('polls BatchGetTraces until the expected services have arrived', async () => {
      api = await startFakeXRayApi((_, i) => (i < 2 ? unprocessed : i < 4 ? partial : full));
      const trace = await waitForTrace(ID, {
        xray: api.endpoint,
        services: ['orders', 'inventory', 'shipping'],
      });
      expect(trace.id).toBe(ID);
      expect(trace.services).toEqual(['orders', 'inventory', 'shipping']);
      expect(api.calls).toHaveLength(5);
      expect(api.calls.every((c) => c.path === '/Traces')).toBe(true);
      expect(api.calls[0]?.body).toEqual({ TraceIds: [ID] });
    });

    it('waits for a complete trace when no shape is given', async () => {
      api = await startFakeXRayApi((_, i) => (i < 1 ? partial : full));
      const trace = await waitForTrace(ID, { xray: api.endpoint });
      expect(trace.orphans).toEqual([]);
      expect(api.calls).toHaveLength(2);
    });

    it('accepts an OpenTelemetry trace ID', async () => {
      api = await startFakeXRayApi(() => full);
      await waitForTrace('6743A1F05C2B8E9D4A1F3B7C6D8E9F01', { xray: api.endpoint, segments: 4 });
      expect(api.calls[0]?.body).toEqual({ TraceIds: [ID] });
    });

    it('checks an until() condition last', async () => {
      api = await startFakeXRayApi(() => full);
      const trace = await waitForTrace(ID, {
        xray: api.endpoint,
        until: (t) => t.nodes.length > 5,
      });
      expect(trace.nodes.length).toBeGreaterThan(5);
    });
  });

  describe('with a filter expression', () => {
    it('finds the newest matching trace through GetTraceSummaries', async () => {
      api = await startFakeXRayApi((call) =>
        call.path === '/TraceSummaries'
          ? { TraceSummaries: [{ Id: ID }], ApproximateTime: 1 }
          : full,
      );
      const trace = await waitForTrace('annotation.order_id = "ord-1001"', {
        xray: api.endpoint,
        segments: 4,
      });
      expect(trace.id).toBe(ID);
      const summaries = api.calls[0]!;
      expect(summaries.path).toBe('/TraceSummaries');
      expect(summaries.body).toMatchObject({
        FilterExpression: 'annotation.order_id = "ord-1001"',
        TimeRangeType: 'Event',
      });
      expect(api.calls[1]).toEqual({ path: '/Traces', body: { TraceIds: [ID] } });
    });
  });

  describe('on timeout', () => {
    it('throws an error that prints what was found and what is missing', async () => {
      api = await startFakeXRayApi(() => partial);
      const error = await waitForTrace(ID, {
        xray: api.endpoint,
        services: ['shipping', 'inventory'],
        timeoutMs: 300,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TraceTimeoutError);
      const message = (error as Error).message;
      expect(message).toContain(`waitForTrace: trace ${ID} did not arrive as expected within`);
      expect(message).toContain('expected: services shipping, inventory; complete');
      expect(message).toContain('missing:  services inventory; parents of shipping');
      expect(message).toContain('● shipping  80.0 ms');
      expect((error as TraceTimeoutError).lastTrace?.services).toEqual(['orders', 'shipping']);
    });

    it('says when nothing was found and reports the last API error', async () => {
      api = await startFakeXRayApi(() => ({
        status: 400,
        body: { __type: 'InvalidRequestException', Message: 'bad filter' },
      }));
      const error = (await waitForTrace('service("x") {', {
        xray: api.endpoint,
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain('found:    nothing (no trace summaries matched)');
      expect(error.message).toContain('Last X-Ray API error: InvalidRequestException: bad filter');
    });
  });
});
