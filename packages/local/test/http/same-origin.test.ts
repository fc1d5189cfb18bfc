import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from '../../src/http/same-origin.ts';

describe('same-origin', () => {
  describe('isOwnOrigin', () => {
    const host = { hostname: '127.0.0.1', port: 2000 };

    it('accepts http + the Host it was reached under, port included', () => {
      expect(isOwnOrigin('http://127.0.0.1:2000', host)).toBe(true);
      expect(isOwnOrigin('HTTP://127.0.0.1:2000', host)).toBe(true);
      expect(isOwnOrigin('http://[::1]:2000', { hostname: '::1', port: 2000 })).toBe(true);
      expect(isOwnOrigin('http://localhost', { hostname: 'localhost' })).toBe(true);
      expect(isOwnOrigin('http://localhost:80', { hostname: 'localhost' })).toBe(true);
      expect(isOwnOrigin('http://localhost', { hostname: 'localhost', port: 80 })).toBe(true);
    });

    it('refuses other hosts, ports, schemes, null and malformed values', () => {
      for (const origin of [
        'http://evil.example',
        'http://evil.example:2000',
        'http://127.0.0.1:2001',
        'http://127.0.0.1',
        'http://localhost:2000',
        'https://127.0.0.1:2000',
        'file://127.0.0.1:2000',
        'null',
        '',
        'http://127.0.0.1:2000/',
        'http://user@127.0.0.1:2000',
        '127.0.0.1:2000',
        'http://127.0.0.1:2000 http://evil.example',
      ])
        expect(isOwnOrigin(origin, host), origin).toBe(false);
    });
  });
});
