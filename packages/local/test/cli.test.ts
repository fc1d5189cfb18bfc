import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

describe('otel-xray-local CLI', () => {
  describe('running', () => {
    it('prints the addresses and env lines, serves the API and stops cleanly on SIGTERM', async () => {
      const child = spawn(process.execPath, ['--conditions=otel-xray-source', cli, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const endpoint = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /AWS_ENDPOINT_URL_XRAY=(\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toMatch(/export AWS_XRAY_DAEMON_ADDRESS=127\.0\.0\.1:\d+/);
      expect(out).toContain('UI');
      const res = await fetch(`${endpoint}/GetSamplingRules`, { method: 'POST' });
      expect(res.status).toBe(200);
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      expect(code).toBe(0);
    }, 30_000);

    it('exits with 2 and the usage on a bad option', async () => {
      const child = spawn(
        process.execPath,
        ['--conditions=otel-xray-source', cli, '--port', 'nope'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      expect(err).toContain('Usage: otel-xray-local');
    }, 30_000);
  });
});
