import { join } from 'node:path';
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLocalRules, parseLocalRules, XRaySampler } from '../src/index.ts';
import { countSampled, sampled } from './helpers/sample.ts';
import { fakeClock } from './helpers/seeded.ts';

const DATA = join(import.meta.dirname, 'data');
const never = () => 0.999_999;

function captureDiag(): string[] {
  const lines: string[] = [];
  const logger: DiagLogger = {
    error: (...args: unknown[]) => lines.push(`error ${args.join(' ')}`),
    warn: (...args: unknown[]) => lines.push(`warn ${args.join(' ')}`),
    info: () => {},
    debug: () => {},
    verbose: () => {},
  };
  diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  return lines;
}

describe('local rules', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('parseLocalRules', () => {
    it('reads version 2 rules in file order, then default', () => {
      const result = loadLocalRules(join(DATA, 'sampling-rules-v2.json'));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.rules.map((r) => [r.name, r.urlPath, r.fixedTarget, r.fixedRate])).toEqual([
        ['Player moves.', '/api/move/*', 0, 0.05],
        ['Health checks are never interesting.', '/health', 0, 0],
        ['Default', '*', 1, 0.1],
      ]);
    });

    it('reads version 1 service_name rules', () => {
      const result = loadLocalRules(join(DATA, 'sampling-rules-v1.json'));
      expect(result.ok && result.rules[0]).toMatchObject({
        serviceName: 'orders',
        host: '*',
        fixedTarget: 2,
      });
    });

    it.each([
      [{ version: 3, default: { fixed_target: 1, rate: 0.1 } }, "'version' must be 1 or 2, got 3"],
      [{ version: 2 }, "'default' is required"],
      [
        { version: 2, default: { fixed_target: 1, rate: 0.1, url_path: '*' } },
        "default: unknown field 'url_path'",
      ],
      [
        { version: 2, default: { fixed_target: -1, rate: 0.1 } },
        "default: 'fixed_target' must be an integer >= 0, got -1",
      ],
      [
        {
          version: 2,
          rules: [
            {
              description: 'Moves',
              host: '*',
              http_method: '*',
              url_path: '/m',
              fixed_target: 1,
              rate: 2,
            },
          ],
          default: { fixed_target: 1, rate: 0.1 },
        },
        `rules[0] ("Moves"): 'rate' must be a number from 0 to 1, got 2`,
      ],
      [
        {
          version: 2,
          rules: [{ host: '*', url_path: '/m', fixed_target: 1, rate: 0.1 }],
          default: { fixed_target: 1, rate: 0.1 },
        },
        "rules[0]: 'http_method' must be a string, got undefined",
      ],
      [
        {
          version: 2,
          rules: [
            {
              service_name: 'x',
              host: '*',
              http_method: '*',
              url_path: '/m',
              fixed_target: 1,
              rate: 0.1,
            },
          ],
          default: { fixed_target: 1, rate: 0.1 },
        },
        "rules[0]: unknown field 'service_name' for version 2",
      ],
      [
        {
          version: 1,
          rules: [{ host: '*', http_method: '*', url_path: '/m', fixed_target: 1, rate: 0.1 }],
          default: { fixed_target: 1, rate: 0.1 },
        },
        "rules[0]: unknown field 'host' for version 1",
      ],
    ])('rejects %j with a message naming the rule and field', (doc, message) => {
      expect(parseLocalRules(doc)).toEqual({ ok: false, error: message });
    });

    it('names the file when it cannot be read', () => {
      const result = loadLocalRules(join(DATA, 'missing.json'));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/missing\.json/);
    });
  });

  describe('XRaySampler with local rules', () => {
    it('applies fixed_target per second, then rate, in file order', () => {
      const clock = fakeClock();
      const sampler = new XRaySampler({
        centralized: false,
        localRules: join(DATA, 'sampling-rules-v1.json'),
        resource: { attributes: { 'service.name': 'orders' } },
        now: clock.now,
        random: never,
      });
      expect(
        countSampled(sampler, 10, { 'http.request.method': 'POST', 'url.path': '/orders' }),
      ).toBe(2);
      expect(
        countSampled(sampler, 10, { 'http.request.method': 'GET', 'url.path': '/orders' }),
      ).toBe(1);
      clock.advance(1000);
      expect(
        countSampled(sampler, 10, { 'http.request.method': 'POST', 'url.path': '/orders' }),
      ).toBe(2);
      expect(sampler.explain({ 'http.request.method': 'GET' })).toMatchObject({
        source: 'local',
        rule: 'Default',
        reservoir: 'local fixed_target',
        skipped: [
          { rule: 'Orders service writes.', field: 'HTTPMethod', pattern: 'POST', value: 'GET' },
        ],
      });
    });

    it('reports an invalid file through diag and falls back to 1/s + 5 %, without throwing', () => {
      const lines = captureDiag();
      const clock = fakeClock();
      const sampler = new XRaySampler({
        centralized: false,
        localRules: {
          version: 2,
          rules: [
            {
              description: 'bad',
              host: '*',
              http_method: '*',
              url_path: '*',
              fixed_target: 1.5,
              rate: 0,
            },
          ],
          default: { fixed_target: 9, rate: 1 },
        },
        now: clock.now,
        random: never,
      });
      expect(lines).toEqual([
        `error @otel-xray/sampler invalid local sampling rules: rules[0] ("bad"): 'fixed_target' must be an integer >= 0, got 1.5; using the default rule (1/s + 5%)`,
      ]);
      expect(countSampled(sampler, 10)).toBe(1);
      expect(sampled(sampler)).toBe(false);
      expect(sampler.explain().sourceReason).toMatch(/built-in default/);
    });
  });
});
