import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { report, ms } from './support/order-system.ts';

const root = join(import.meta.dirname, '..');

describe('npm run demo', () => {
  describe("--once against the run's emulator", () => {
    it('prints the trees, the service map and the UI address, then stops everything and exits 0', async () => {
      const started = performance.now();
      const child = spawn(
        process.execPath,
        ['--conditions=otel-xray-source', 'scripts/demo.ts', '--once', '--port', '0'],
        { cwd: root, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      report(`[demo] --once took ${ms(performance.now() - started)}\n${out}`);
      expect(code).toBe(0);
      expect(out).toContain(
        `emulator: mode external (AWS_ENDPOINT_URL=${process.env.AWS_ENDPOINT_URL})`,
      );
      // a full tree: orders → inventory → shipping → orders
      expect(out).toMatch(
        /● orders {2}POST \/orders → 201[\s\S]*● inventory[\s\S]*● shipping[\s\S]*● orders {2}POST \/orders\/[^ ]+\/shipped → 200/,
      );
      expect(out).toMatch(/first tree [\d.]+ m?s after start/);
      expect(out).toMatch(/Service map \(GetServiceGraph\):\n\s+node\s+type\s+requests/);
      expect(out).toMatch(/^UI: http:\/\/127\.0\.0\.1:\d+/m);
      expect(out).toContain('stopped (orders 0, inventory 0, shipping 0, audit 0)');
    });
  });
});
