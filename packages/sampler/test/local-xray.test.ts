// End to end against a running @otel-xray/local: rules created with @aws-sdk/client-xray, the
// sampler polling over unsigned HTTP like the X-Ray SDKs, statistics read back from the server.
import {
  CreateSamplingRuleCommand,
  GetSamplingStatisticSummariesCommand,
  XRay,
  XRayClient,
} from '@aws-sdk/client-xray';
import { startLocalXRay, type LocalXRay } from '@otel-xray/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XRaySampler, xrayClientTransport } from '../src/index.ts';
import { sampled } from './helpers/sample.ts';
import { binomialBounds, fakeClock, seededRandom } from './helpers/seeded.ts';

let xray: LocalXRay;
let client: XRayClient;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
  client = new XRayClient({ endpoint: xray.endpoint, region: 'us-east-1', credentials });
  const base = {
    ResourceARN: '*',
    ServiceType: '*',
    Host: '*',
    HTTPMethod: '*',
    URLPath: '*',
    Version: 1,
  };
  await client.send(
    new CreateSamplingRuleCommand({
      SamplingRule: {
        ...base,
        RuleName: 'order-service-adaptive',
        Priority: 100,
        FixedRate: 0.05,
        ReservoirSize: 10,
        ServiceName: 'orders',
      },
    }),
  );
  await client.send(
    new CreateSamplingRuleCommand({
      SamplingRule: {
        ...base,
        RuleName: 'always-trace-errors',
        Priority: 1,
        FixedRate: 1,
        ReservoirSize: 100,
        ServiceName: '*',
        Attributes: { 'http.status': '5*' },
      },
    }),
  );
});

afterAll(async () => {
  client?.destroy();
  await xray?.stop();
});

describe('XRaySampler against @otel-xray/local', () => {
  describe('10,000 requests over 50 s of fake time', () => {
    it('samples borrow + quota + 5 % and local receives the statistics', async () => {
      // The server stamps quota TTLs with its real clock, so the fake clock starts at real time
      // (on a whole second, so 10 s of borrowing span exactly 10 one-second windows).
      const clock = fakeClock(Math.ceil(Date.now() / 1000) * 1000);
      const sampler = new XRaySampler({
        resource: { attributes: { 'service.name': 'orders' } },
        endpoint: xray.endpoint,
        autoPoll: false,
        now: clock.now,
        random: seededRandom(2026),
      });
      expect(await sampler.refreshRules()).toBe(true);
      const attrs = {
        'http.request.method': 'GET',
        'url.path': '/orders/1',
        'server.address': 'orders.local',
      };
      expect(sampler.explain(attrs).rule).toBe('order-service-adaptive');
      let count = 0;
      for (let i = 0; i < 10_000; i++) {
        if (sampled(sampler, attrs)) count++;
        clock.advance(5); // 200 requests per second
        if ((i + 1) % 2000 === 0) expect(await sampler.reportStatistics()).toBe(true);
      }
      // Seconds 0–10 borrow 1/s (10); after the first report the quota is the whole reservoir,
      // 10/s for 40 s (400). Everything else is sampled at 5 %: binomial, bound ±5σ.
      const reservoir = 10 + 400;
      const { low, high } = binomialBounds(10_000 - reservoir, 0.05);
      expect(count).toBeGreaterThan(reservoir + low);
      expect(count).toBeLessThan(reservoir + high);

      const { SamplingStatisticSummaries = [] } = await client.send(
        new GetSamplingStatisticSummariesCommand({}),
      );
      const byRule = Object.fromEntries(SamplingStatisticSummaries.map((s) => [s.RuleName, s]));
      expect(byRule['order-service-adaptive']).toMatchObject({
        RequestCount: 10_000,
        SampledCount: count,
        BorrowCount: 10,
      });
      expect(byRule['always-trace-errors']).toMatchObject({ RequestCount: 0 });
      await sampler.shutdown();
    });
  });

  describe('signed transport through @aws-sdk/client-xray', () => {
    it('fetches rules and applies the quota the server assigns', async () => {
      const clock = fakeClock(Date.now());
      const sdk = new XRay({ endpoint: xray.endpoint, region: 'us-east-1', credentials });
      const sampler = new XRaySampler({
        resource: { attributes: { 'service.name': 'orders' } },
        transport: xrayClientTransport(sdk),
        autoPoll: false,
        now: clock.now,
        random: () => 0.999,
      });
      expect(await sampler.refreshRules()).toBe(true);
      sampled(sampler);
      expect(await sampler.reportStatistics()).toBe(true);
      // Two clients now share the reservoir of 10 (the first test's client is still active).
      expect(sampler.explain()).toMatchObject({
        rule: 'order-service-adaptive',
        reservoir: 'service quota',
        perSecond: 5,
      });
      clock.advance(1000);
      let count = 0;
      for (let i = 0; i < 50; i++) if (sampled(sampler)) count++;
      expect(count).toBe(5);
      sdk.destroy();
      await sampler.shutdown();
    });
  });
});
