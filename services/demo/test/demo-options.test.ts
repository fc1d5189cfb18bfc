import { describe, it, expect } from 'vitest';
import { DEFAULT_PORT, DEMO_USAGE, parseDemoArgs } from '../src/demo-options.ts';
import { MAX_COLUMNS, columns } from '../src/line-width.ts';

describe('demo-options', () => {
  describe('parseDemoArgs', () => {
    it('defaults to staying up on the default port, not given explicitly', () => {
      expect(parseDemoArgs([])).toEqual({
        help: false,
        once: false,
        port: undefined,
        verbose: false,
      });
      expect(DEFAULT_PORT).toBe(2000);
    });

    it('reads --once, --verbose, --port N and --port=N, skipping the npm separator', () => {
      expect(parseDemoArgs(['--', '--once', '--port', '0', '--verbose'])).toEqual({
        help: false,
        once: true,
        port: 0,
        verbose: true,
      });
      expect(parseDemoArgs(['--port=2100'])).toMatchObject({ port: 2100 });
    });

    it('marks an explicit --port 2000 as given, unlike the default', () => {
      expect(parseDemoArgs(['--port', '2000'])).toMatchObject({ port: 2000 });
      expect(parseDemoArgs(['--once'])).toMatchObject({ port: undefined });
    });

    it('reads --help and -h, wherever they are and whatever else is there', () => {
      expect(parseDemoArgs(['--help'])).toMatchObject({ help: true });
      expect(parseDemoArgs(['--', '-h'])).toMatchObject({ help: true });
      expect(parseDemoArgs(['--twice', '--port', 'x', '--help'])).toMatchObject({ help: true });
    });

    it('refuses unknown arguments and bad ports', () => {
      expect(parseDemoArgs(['--twice'])).toEqual({ error: 'unknown argument --twice' });
      expect(parseDemoArgs(['--port', 'x'])).toEqual({
        error: '--port needs an integer 0–65535, got x',
      });
      expect(parseDemoArgs(['--port', '65536'])).toMatchObject({ error: expect.any(String) });
      expect(parseDemoArgs(['--port', '1.5'])).toMatchObject({ error: expect.any(String) });
      expect(parseDemoArgs(['--port'])).toMatchObject({ error: expect.stringContaining('--port') });
      expect(parseDemoArgs(['--port='])).toMatchObject({
        error: expect.stringContaining('--port'),
      });
      expect(parseDemoArgs(['--port', '--once'])).toEqual({
        error: '--port needs an integer 0–65535, got --once',
      });
    });
  });

  describe('DEMO_USAGE', () => {
    it('names every option, what Ctrl-C stops and the exit codes, within the width', () => {
      for (const option of ['--once', '--port N', '--verbose', '--help'])
        expect(DEMO_USAGE).toContain(option);
      expect(DEMO_USAGE).toContain('services, local X-Ray, emulator');
      expect(DEMO_USAGE).toMatch(/2 bad argument or taken --port/);
      for (const line of DEMO_USAGE.split('\n'))
        expect(columns(line)).toBeLessThanOrEqual(MAX_COLUMNS);
    });
  });
});
