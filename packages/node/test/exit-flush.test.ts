// A real process that ends on its own (the event loop runs dry) without calling shutdownTracing():
// its last span must still reach the daemon.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..');

async function runScript(
  env: Record<string, string>,
): Promise<{ names: string[]; code: number | null }> {
  const udp = createSocket('udp4');
  const names: string[] = [];
  udp.on('message', (msg) => {
    const text = msg.toString('utf8');
    names.push((JSON.parse(text.slice(text.indexOf('\n') + 1)) as { name: string }).name);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const child = spawn(
    process.execPath,
    [
      '--conditions=otel-xray-source',
      '--import',
      '@otel-xray/node/register',
      join(packageDir, 'test/fixtures/short-script.mjs'),
    ],
    {
      cwd: packageDir,
      env: {
        ...process.env,
        OTEL_SERVICE_NAME: 'nightly',
        OTEL_TRACES_SAMPLER: 'always_on',
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udp.address().port}`,
        ...env,
      },
      stdio: 'ignore',
    },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  await new Promise((resolve) => setTimeout(resolve, 100)); // datagrams already sent are in flight
  udp.close();
  return { names, code };
}

describe('a process that ends on its own', () => {
  describe('started with --import @otel-xray/node/register', () => {
    it('sends its last span before exiting, without shutdownTracing()', async () => {
      const { names, code } = await runScript({});
      expect(code).toBe(0);
      expect(names).toEqual(['nightly-job']);
    });
  });
});
