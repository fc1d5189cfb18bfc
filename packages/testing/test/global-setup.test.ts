import { describe, it, expect, afterEach } from 'vitest';
import { createGlobalSetup, type LocalXRayEndpoints } from '../src/index.ts';

const KEYS = [
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_XRAY_DAEMON_ADDRESS',
  'AWS_ENDPOINT_URL_XRAY',
];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

function fakeXRay(log: string[]): () => Promise<LocalXRayEndpoints> {
  return () =>
    Promise.resolve({
      udpAddress: '127.0.0.1:2999',
      endpoint: 'http://127.0.0.1:2999',
      stop: () => {
        log.push('xray stopped');
        return Promise.resolve();
      },
    });
}

describe('createGlobalSetup', () => {
  describe('with an external emulator and a local X-Ray', () => {
    it('sets the environment, provides the endpoints and stops what it started', async () => {
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4599';
      delete process.env.AWS_ACCESS_KEY_ID;
      const log: string[] = [];
      const provided: Record<string, unknown> = {};
      const { setup, teardown } = createGlobalSetup({
        emulator: { mode: 'external', region: 'eu-west-1', log: (l) => log.push(l) },
        xray: fakeXRay(log),
      });
      await setup({
        provide: (key: string, value: unknown) => void (provided[key] = value),
      } as never);
      expect(provided).toEqual({
        awsEndpoint: 'http://127.0.0.1:4599',
        awsRegion: 'eu-west-1',
        xrayEndpoint: 'http://127.0.0.1:2999',
        xrayDaemonAddress: '127.0.0.1:2999',
      });
      expect(process.env).toMatchObject({
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2999',
        AWS_ENDPOINT_URL_XRAY: 'http://127.0.0.1:2999',
      });
      await teardown();
      await teardown();
      expect(log.filter((l) => l === 'xray stopped')).toHaveLength(1);
    });
  });

  describe('when the X-Ray fails to start', () => {
    it('rejects with the start error', async () => {
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4599';
      const { setup } = createGlobalSetup({
        emulator: { mode: 'external', log: () => undefined },
        xray: () => Promise.reject(new Error('port taken')),
      });
      await expect(setup({ provide: () => undefined } as never)).rejects.toThrow('port taken');
    });
  });

  describe('when the emulator fails to start', () => {
    it('stops the local X-Ray it started, then rejects with the emulator error', async () => {
      const log: string[] = [];
      const { setup } = createGlobalSetup({
        emulator: {
          mode: 'host',
          host: { venv: '/nonexistent/.venv-emulator' },
          log: () => undefined,
        },
        xray: async () => {
          await new Promise((resolve) => setTimeout(resolve, 50)); // still starting when it fails
          return fakeXRay(log)();
        },
      });
      await expect(setup({ provide: () => undefined } as never)).rejects.toThrow(/venv/);
      expect(log).toEqual(['xray stopped']);
    });
  });

  describe('without emulator and X-Ray', () => {
    it('provides empty endpoints', async () => {
      const provided: Record<string, unknown> = {};
      const { setup, teardown } = createGlobalSetup({ emulator: false, xray: false });
      await setup({
        provide: (key: string, value: unknown) => void (provided[key] = value),
      } as never);
      expect(provided).toMatchObject({ awsEndpoint: '', xrayEndpoint: '', xrayDaemonAddress: '' });
      await teardown();
    });
  });
});
