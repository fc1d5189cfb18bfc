import { describe, it, expect, afterEach } from 'vitest';
import { createGlobalSetup, startEmulator } from '../src/index.ts';
import { startFakeMessaging, type FakeMessaging } from './helpers/fake-messaging.ts';

const KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'OTEL_XRAY_VERIFY_PROPAGATION',
];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
let fake: FakeMessaging | undefined;
afterEach(async () => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await fake?.close();
  fake = undefined;
});

describe('startEmulator', () => {
  describe('with verifyPropagation', () => {
    it('probes the emulator, prints the report and returns it', async () => {
      fake = await startFakeMessaging();
      process.env.AWS_ENDPOINT_URL = fake.endpoint;
      const log: string[] = [];
      const aws = await startEmulator({
        mode: 'external',
        verifyPropagation: true,
        log: (l) => log.push(l),
      });
      expect(aws.propagation?.ok).toBe(false);
      expect(log[1]).toBe(aws.propagation?.summary);
      expect(log).toContain(
        '  ✗ SendMessageBatch with AWSTraceHeader on each entry: the received message has no AWSTraceHeader',
      );
      expect(log.at(-1)).toMatch(/^ {2}• SNS→SQS envelope delivery/);
      await aws.stop();
    });
  });

  describe('by default', () => {
    it('sends nothing to the emulator', async () => {
      fake = await startFakeMessaging();
      process.env.AWS_ENDPOINT_URL = fake.endpoint;
      delete process.env.OTEL_XRAY_VERIFY_PROPAGATION;
      const log: string[] = [];
      const aws = await startEmulator({ mode: 'external', log: (l) => log.push(l) });
      expect(aws.propagation).toBeUndefined();
      expect(log).toHaveLength(1);
      expect(fake.calls).toEqual([]);
    });
  });

  describe('with OTEL_XRAY_VERIFY_PROPAGATION=1', () => {
    it('probes the emulator', async () => {
      fake = await startFakeMessaging({
        batchSystemAttribute: true,
        httpHeader: true,
        snsHeader: true,
      });
      process.env.AWS_ENDPOINT_URL = fake.endpoint;
      process.env.OTEL_XRAY_VERIFY_PROPAGATION = '1';
      const log: string[] = [];
      const aws = await startEmulator({ mode: 'external', log: (l) => log.push(l) });
      expect(aws.propagation?.ok).toBe(true);
      expect(log).toEqual([expect.stringMatching(/^mode external/), aws.propagation?.summary]);
    });
  });
});

describe('createGlobalSetup', () => {
  describe('with verifyPropagation', () => {
    it('probes the emulator it adopts once at set-up', async () => {
      fake = await startFakeMessaging();
      process.env.AWS_ENDPOINT_URL = fake.endpoint;
      const log: string[] = [];
      const { setup, teardown } = createGlobalSetup({
        emulator: { mode: 'external', log: (l) => log.push(l) },
        xray: false,
        verifyPropagation: true,
      });
      await setup({ provide: () => undefined } as never);
      expect(log[1]).toMatch(/AWSTraceHeader kept by 1\/5 carriers \(SendMessage\)/);
      expect(fake.calls.filter((c) => c === 'sns:Publish')).toHaveLength(1);
      await teardown();
    });
  });
});
