import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  expectServiceInstrumented,
  InstrumentationError,
  startLocalXRay,
  type LocalXRay,
} from '../src/index.ts';

// The register entry of @otel-xray/node by path: this package does not depend on it.
const REGISTER = fileURLToPath(new URL('../../node/src/register.ts', import.meta.url));
const SERVICE = fileURLToPath(new URL('./helpers/tiny-service.ts', import.meta.url));

let xray: LocalXRay;
const children: ChildProcess[] = [];

beforeAll(async () => {
  xray = await startLocalXRay({ port: 0 });
});
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await xray.stop();
});

/** Starts the tiny service (with or without the register hook) and makes one request to it. */
async function startAndCall(name: string, instrumented: boolean): Promise<void> {
  const args = [
    '--conditions=otel-xray-source',
    ...(instrumented ? ['--import', REGISTER] : []),
    SERVICE,
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      OTEL_SERVICE_NAME: name,
      AWS_XRAY_DAEMON_ADDRESS: xray.udpAddress,
      OTEL_TRACES_SAMPLER: 'always_on',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const res = await fetch(`http://127.0.0.1:${chunk.toString().trim()}/ping`);
  expect(res.status).toBe(200);
}

describe('expectServiceInstrumented', () => {
  describe('with a child process started with --import @otel-xray/node/register', () => {
    it('sees its HTTP server segment in the local X-Ray', async () => {
      await startAndCall('tiny-traced', true);
      await expectServiceInstrumented('tiny-traced', {
        xray: xray.endpoint,
        spans: ['http.server'],
      });
    });
  });

  describe('with a child process started without the hook', () => {
    it('fails naming the silent service and the missing --import', async () => {
      await startAndCall('tiny-plain', false);
      const error = (await expectServiceInstrumented('tiny-plain', {
        xray: xray.endpoint,
        timeoutMs: 1500,
      }).catch((e: unknown) => e)) as InstrumentationError;
      expect(error).toBeInstanceOf(InstrumentationError);
      expect(error.silent).toEqual(['tiny-plain']);
      expect(error.message).toContain('tiny-plain sent no segments at all. Likely causes:');
      expect(error.message).toContain('--import @otel-xray/node/register');
    });
  });
});
