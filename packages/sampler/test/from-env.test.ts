import { describe, expect, it } from 'vitest';
import { createXRaySamplerFromEnv, daemonSamplingEndpoint, parseSamplerArg } from '../src/index.ts';

describe('createXRaySamplerFromEnv', () => {
  describe('parseSamplerArg', () => {
    it('reads the contrib sampler keys and ours', () => {
      expect(
        parseSamplerArg(
          'endpoint=http://127.0.0.1:2000, polling_interval=60,rules_file=/etc/rules.json,centralized=false',
        ),
      ).toEqual({
        endpoint: 'http://127.0.0.1:2000',
        rulesPollingIntervalSeconds: 60,
        localRules: '/etc/rules.json',
        centralized: false,
      });
    });

    it('ignores unknown keys and bad values', () => {
      expect(parseSamplerArg('endpoint=127.0.0.1:2000,polling_interval=soon,color=blue')).toEqual(
        {},
      );
      expect(parseSamplerArg(undefined)).toEqual({});
    });
  });

  describe('daemonSamplingEndpoint', () => {
    it.each([
      ['127.0.0.1:2000', 'http://127.0.0.1:2000'],
      ['udp:10.0.0.5:2000 tcp:10.0.0.6:2001', 'http://10.0.0.6:2001'],
      ['tcp:xray-daemon:3000 udp:xray-daemon:2000', 'http://xray-daemon:3000'],
      ['nonsense', undefined],
      ['', undefined],
      [undefined, undefined],
    ])('%j → %j', (value, expected) => {
      expect(daemonSamplingEndpoint(value)).toBe(expected);
    });
  });

  describe('factory', () => {
    it('prefers the argument endpoint over the daemon address', async () => {
      const sampler = createXRaySamplerFromEnv(
        {
          OTEL_TRACES_SAMPLER_ARG: 'endpoint=http://127.0.0.1:9',
          AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
        },
        { autoPoll: false },
      );
      expect(sampler.toString()).toBe(
        'XRayParentBased{root=XRaySampler{centralized via http://127.0.0.1:9}}',
      );
      await sampler.shutdown();
    });

    it('uses the daemon TCP address and OTEL_SERVICE_NAME', async () => {
      const sampler = createXRaySamplerFromEnv(
        {
          AWS_XRAY_DAEMON_ADDRESS: 'udp:127.0.0.1:2000 tcp:127.0.0.1:9',
          OTEL_SERVICE_NAME: 'orders',
        },
        { autoPoll: false },
      );
      expect(sampler.toString()).toContain('http://127.0.0.1:9');
      expect(sampler.explain().properties.ServiceName).toBe('orders');
      await sampler.shutdown();
    });

    it('builds a local-only sampler with centralized=false', async () => {
      const sampler = createXRaySamplerFromEnv({ OTEL_TRACES_SAMPLER_ARG: 'centralized=false' });
      expect(sampler.explain().sourceReason).toMatch(/centralized sampling disabled/);
      await sampler.shutdown();
    });
  });
});
