// Our sampler and @opentelemetry/sampler-aws-xray on the same rules, targets and request stream.
// Both read Date.now() here (the peer has no clock injection), driven by vitest's fake Date.
import { ROOT_CONTEXT, SpanKind, type Attributes } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  XRaySampler,
  type GetSamplingRulesResponse,
  type GetSamplingTargetsResponse,
} from '../src/index.ts';
import rulesFixture from './data/get-sampling-rules.json' with { type: 'json' };
import targetsFixture from './data/get-sampling-targets.json' with { type: 'json' };
import { peerSampler } from './helpers/peer.ts';
import { FakeTransport } from './helpers/rules.ts';
import { seededRandom, traceIdFrom } from './helpers/seeded.ts';

const RULES = rulesFixture as GetSamplingRulesResponse;
const T0 = 1_800_000_000_000;

function ours(resource: Attributes, random: () => number) {
  const transport = new FakeTransport();
  transport.rules = RULES.SamplingRuleRecords!.map((r) => r.SamplingRule!);
  const sampler = new XRaySampler({
    resource: { attributes: resource },
    transport,
    autoPoll: false,
    now: () => Date.now(),
    random,
  });
  return { sampler, transport };
}

function decide(
  sampler: { shouldSample: XRaySampler['shouldSample'] },
  traceId: string,
  attributes: Attributes,
): boolean {
  return (
    sampler.shouldSample(ROOT_CONTEXT, traceId, 'GET', SpanKind.SERVER, attributes, []).decision ===
    SamplingDecision.RECORD_AND_SAMPLED
  );
}

const CLASSES: { name: string; weight: number; attributes: Attributes }[] = [
  {
    name: 'order reads',
    weight: 0.55,
    attributes: {
      'http.request.method': 'GET',
      'url.path': '/orders/1',
      'server.address': 'orders.local',
    },
  },
  {
    name: 'order writes',
    weight: 0.2,
    attributes: {
      'http.request.method': 'POST',
      'url.path': '/orders',
      'server.address': 'orders.local',
    },
  },
  {
    name: 'health',
    weight: 0.15,
    attributes: {
      'http.request.method': 'GET',
      'url.path': '/health',
      'server.address': 'orders.local',
    },
  },
  {
    name: 'admin',
    weight: 0.1,
    attributes: {
      'http.request.method': 'GET',
      'url.path': '/x',
      'server.address': 'admin.example.com',
    },
  },
];

describe('differential: XRaySampler vs @opentelemetry/sampler-aws-xray', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('rule matching', () => {
    it.each([
      [{ 'service.name': 'orders' }, 0],
      [{ 'service.name': 'orders' }, 1],
      [{ 'service.name': 'orders' }, 2],
      [{ 'service.name': 'orders' }, 3],
      [{ 'service.name': 'inventory' }, 0],
      [{ 'service.name': 'inventory' }, 3],
    ])('picks the same rule for resource %j, class %i', async (resource, index) => {
      const mine = ours(resource, Math.random);
      await mine.sampler.refreshRules();
      const peer = peerSampler(resource, RULES);
      const attributes = CLASSES[index]!.attributes;
      expect(mine.sampler.explain(attributes).rule).toBe(peer.matchedRule(attributes));
      peer.stop();
    });
  });

  describe('40,000 requests over 100 s (targets applied at 50 s)', () => {
    // Per class: the reservoir part is near-deterministic (borrow 1/s, then the quota per second);
    // the rate part is binomial. We use Math.random-style draws, the peer a trace-ID ratio, so the
    // two counts differ by chance: we allow 5·√2·σ of the rate part plus 3 requests per
    // reservoir phase for where each limiter's one-second windows start.
    it('samples each class within statistical bounds of the peer', async () => {
      const resource = { 'service.name': 'orders' };
      const mine = ours(resource, seededRandom(11));
      await mine.sampler.refreshRules();
      const peer = peerSampler(resource, RULES);
      const pick = seededRandom(12);
      const ids = seededRandom(13);
      const counts = CLASSES.map(() => ({ n: 0, ours: 0, peer: 0 }));
      for (let i = 0; i < 40_000; i++) {
        if (i === 20_000) {
          const targets = structuredClone(targetsFixture) as GetSamplingTargetsResponse;
          for (const t of targets.SamplingTargetDocuments!)
            t.ReservoirQuotaTTL = Date.now() / 1000 + 60;
          mine.transport.targets = () => targets;
          await mine.sampler.reportStatistics();
          peer.applyTargets(targets);
        }
        const r = pick();
        let acc = 0;
        const index = CLASSES.findIndex((c) => (acc += c.weight) > r);
        const c = counts[index === -1 ? 0 : index]!;
        const attributes = CLASSES[index === -1 ? 0 : index]!.attributes;
        const traceId = traceIdFrom(ids);
        c.n++;
        if (decide(mine.sampler, traceId, attributes)) c.ours++;
        if (decide(peer.sampler, traceId, attributes)) c.peer++;
        vi.setSystemTime(T0 + (i + 1) * 2.5);
      }
      peer.stop();
      const rates = [0.05, 0.5, 0, 1];
      const reservoirs = [50 + 5 * 50, 0, 0, 0];
      for (const [i, c] of counts.entries()) {
        const p = rates[i]!;
        const sd = Math.sqrt((c.n - reservoirs[i]!) * p * (1 - p));
        const slack = 5 * Math.SQRT2 * sd + (reservoirs[i]! > 0 ? 6 : 0);
        expect(
          Math.abs(c.ours - c.peer),
          `${CLASSES[i]!.name}: ours ${c.ours}, peer ${c.peer} of ${c.n}`,
        ).toBeLessThanOrEqual(slack);
      }
      expect(counts[2]).toMatchObject({ ours: 0, peer: 0 });
      expect(counts[3]!.ours).toBe(counts[3]!.n);
      expect(counts[3]!.peer).toBe(counts[3]!.n);
    });
  });

  describe('systematic differences (see README)', () => {
    async function both(resource: Attributes, attributes: Attributes) {
      const mine = ours(resource, Math.random);
      await mine.sampler.refreshRules();
      const peer = peerSampler(resource, RULES);
      peer.stop();
      return { ours: mine.sampler.explain(attributes).rule, peer: peer.matchedRule(attributes) };
    }

    it('old semantic-convention keys: we match them, the peer does not', async () => {
      const old = {
        'http.method': 'POST',
        'http.target': '/orders?id=1',
        'http.host': 'orders.local',
      };
      expect(await both({ 'service.name': 'orders' }, old)).toEqual({
        ours: 'orders-writes',
        peer: 'order-service-adaptive',
      });
    });

    it('missing URL path: the peer assumes "/", we treat it as missing', async () => {
      // health-checks has URLPath /health; a rule with URLPath "/" would show it directly, so
      // check the explanation instead: our URLPath is undefined where the peer would use "/".
      const mine = ours({ 'service.name': 'orders' }, Math.random);
      await mine.sampler.refreshRules();
      expect(
        mine.sampler.explain({ 'http.request.method': 'GET' }).properties.URLPath,
      ).toBeUndefined();
    });

    it('client.address is not a Host for us; the peer falls back to it', async () => {
      const attrs = {
        'http.request.method': 'GET',
        'url.path': '/x',
        'client.address': 'admin.example.com',
      };
      expect(await both({ 'service.name': 'orders' }, attrs)).toEqual({
        ours: 'order-service-adaptive',
        peer: 'admin-host',
      });
    });

    it('after the quota expires we borrow 1/s again; the peer uses only the rate', async () => {
      const resource = { 'service.name': 'inventory' };
      const mine = ours(resource, () => 0.999);
      await mine.sampler.refreshRules();
      const peer = peerSampler(resource, RULES);
      const targets = structuredClone(targetsFixture) as GetSamplingTargetsResponse;
      for (const t of targets.SamplingTargetDocuments!)
        t.ReservoirQuotaTTL = Date.now() / 1000 + 10;
      mine.transport.targets = () => targets;
      decide(mine.sampler, 'f'.repeat(32), {});
      await mine.sampler.reportStatistics();
      peer.applyTargets(targets);
      vi.setSystemTime(T0 + 20_000);
      // A trace ID the peer's 5 % ratio sampler rejects (its 32-bit chunks XOR to 0xfffffffe).
      const id = 'ffffffff000000000000000000000001';
      expect([decide(mine.sampler, id, {}), decide(peer.sampler, id, {})]).toEqual([true, false]);
    });
  });
});
