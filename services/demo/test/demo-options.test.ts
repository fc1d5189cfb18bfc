import { describe, it, expect } from 'vitest';
import { parseDemoArgs } from '../src/demo-options.ts';

describe('demo-options', () => {
  describe('parseDemoArgs', () => {
    it('defaults to staying up on port 2000', () => {
      expect(parseDemoArgs([])).toEqual({ once: false, port: 2000, verbose: false });
    });

    it('reads --once, --verbose, --port N and --port=N, skipping the npm separator', () => {
      expect(parseDemoArgs(['--', '--once', '--port', '0', '--verbose'])).toEqual({
        once: true,
        port: 0,
        verbose: true,
      });
      expect(parseDemoArgs(['--port=2100'])).toMatchObject({ port: 2100 });
    });

    it('refuses unknown arguments and bad ports', () => {
      expect(parseDemoArgs(['--twice'])).toEqual({ error: 'unknown argument --twice' });
      expect(parseDemoArgs(['--port', 'x'])).toEqual({
        error: '--port needs an integer 0–65535, got x',
      });
      expect(parseDemoArgs(['--port'])).toMatchObject({ error: expect.stringContaining('--port') });
    });
  });
});
