import { describe, it, expect, afterEach } from 'vitest';
import { expectServiceInstrumented, InstrumentationError } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';
import { startFakeXRayApi, type FakeXRayApi, type RecordedCall } from './helpers/fake-xray-api.ts';

const ID = '1-6743a1f0-5c2b8e9d4a1f3b7c6d8e9f01';
const full = fixture('order-flow.batch-get-traces.json');

let api: FakeXRayApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Services listed here have the order-flow trace; others have none. */
function xrayWith(active: string[]) {
  return (call: RecordedCall) => {
    if (call.path !== '/TraceSummaries') return full;
    const filter = (call.body.FilterExpression as string | undefined) ?? '';
    const hit = filter === '' || active.some((s) => filter === `service("${s}")`);
    const ServiceIds = active.map((Name) => ({ Name }));
    return { TraceSummaries: hit ? [{ Id: ID, ServiceIds }] : [], ApproximateTime: 1 };
  };
}

describe('expectServiceInstrumented', () => {
  describe('when every service has sent a segment', () => {
    it('resolves after one look', async () => {
      api = await startFakeXRayApi(xrayWith(['orders', 'shipping']));
      await expectServiceInstrumented(['orders', 'shipping'], { xray: api.endpoint });
      // the services are looked up concurrently: compare without order
      expect(api.calls.map((c) => c.body.FilterExpression).sort()).toEqual([
        'service("orders")',
        'service("shipping")',
      ]);
    });
  });

  describe('with span kinds the segments show', () => {
    it('resolves', async () => {
      api = await startFakeXRayApi(xrayWith(['orders']));
      await expectServiceInstrumented('orders', {
        xray: api.endpoint,
        spans: ['http.server', 'aws.sdk'],
      });
      expect(api.calls.filter((c) => c.path === '/Traces')[0]?.body).toEqual({ TraceIds: [ID] });
    });
  });

  describe('with a span kind no segment shows', () => {
    it('rejects naming the instrumentation that did not apply', async () => {
      api = await startFakeXRayApi(xrayWith(['orders', 'shipping']));
      const error = (await expectServiceInstrumented(['orders', 'shipping'], {
        xray: api.endpoint,
        spans: ['http.client'],
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as InstrumentationError;
      expect(error).toBeInstanceOf(InstrumentationError);
      expect(error.silent).toEqual([]);
      expect(error.unpatched).toEqual({ orders: ['http.client'] });
      expect(error.message).toContain(
        'orders sends segments, but none shows http.client. Likely causes:',
      );
      expect(error.message).toContain(
        'the module was imported before instrumentation was registered',
      );
      expect(error.lastTrace?.id).toBe(ID);
    });
  });

  describe('when a service sent nothing', () => {
    it('rejects with the silent service and the likely causes', async () => {
      api = await startFakeXRayApi(xrayWith(['orders']));
      const error = (await expectServiceInstrumented(['orders', 'inventory'], {
        xray: api.endpoint,
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as InstrumentationError;
      expect(error).toBeInstanceOf(InstrumentationError);
      expect(error.silent).toEqual(['inventory']);
      expect(error.message).toMatch(
        /^expectServiceInstrumented: checked orders, inventory for \d+ ms/,
      );
      expect(error.message).toContain('inventory sent no segments at all. Likely causes:');
      expect(error.message).toContain('X-Ray did receive segments from: orders');
      expect(error.activity.map((a) => [a.service, a.traces])).toEqual([
        ['orders', 1],
        ['inventory', 0],
      ]);
    });
  });

  describe('when X-Ray does not answer', () => {
    it('says so, so the services are not blamed alone', async () => {
      api = await startFakeXRayApi(() => ({
        status: 500,
        body: { __type: 'ServiceException', Message: 'down' },
      }));
      const error = (await expectServiceInstrumented('orders', {
        xray: api.endpoint,
        timeoutMs: 200,
      }).catch((e: unknown) => e)) as InstrumentationError;
      expect(error.silent).toEqual(['orders']);
      expect(error.message).toContain(
        'Last X-Ray API error (so the services may not be at fault): ServiceException: down',
      );
    });
  });
});
