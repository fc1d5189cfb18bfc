import { describe, expect, it } from 'vitest';
import {
  hostAllowList,
  isBindAll,
  isLoopbackAddress,
  parseHostHeader,
} from '../../src/http/allowed-hosts.ts';

describe('allowed-hosts', () => {
  describe('parseHostHeader', () => {
    it('splits names, IPv4 and bracketed IPv6 from their port, in lower case', () => {
      expect(parseHostHeader('LocalHost:2000')).toEqual({ hostname: 'localhost', port: 2000 });
      expect(parseHostHeader('127.0.0.1')).toEqual({ hostname: '127.0.0.1' });
      expect(parseHostHeader('[::1]:2000')).toEqual({ hostname: '::1', port: 2000 });
      expect(parseHostHeader('[::1]')).toEqual({ hostname: '::1' });
      expect(parseHostHeader('[FE80::1]:80')).toEqual({ hostname: 'fe80::1', port: 80 });
      expect(parseHostHeader('localhost.:2000')).toEqual({ hostname: 'localhost.', port: 2000 });
    });

    it('refuses anything that is not a plain host and port', () => {
      for (const bad of [
        undefined,
        '',
        ':2000',
        'localhost:',
        'localhost:abc',
        'localhost:70000',
        '127.0.0.1@evil.example',
        'evil.example/127.0.0.1',
        'local host',
        '::1',
        '[::1',
        '[localhost]:2000',
        '[::g]:2000',
        'a..b',
        'evil.example:2000:2000',
      ])
        expect(parseHostHeader(bad), String(bad)).toBeUndefined();
    });
  });

  describe('isLoopbackAddress', () => {
    it('is true for 127.0.0.0/8, ::1 and IPv4-mapped loopback only', () => {
      for (const yes of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
        expect(isLoopbackAddress(yes), yes).toBe(true);
      for (const no of ['128.0.0.1', '10.0.0.1', '::2', '0.0.0.0', '::', 'localhost', '127.0.0'])
        expect(isLoopbackAddress(no), no).toBe(false);
    });
  });

  describe('hostAllowList', () => {
    it('allows loopback, localhost and *.localhost on the default host, case-insensitively', () => {
      const allowed = hostAllowList({ host: '127.0.0.1' });
      for (const yes of [
        '127.0.0.1',
        '127.0.0.2',
        '::1',
        'localhost',
        'LOCALHOST',
        'ui.localhost',
        'localhost.',
      ])
        expect(allowed(yes), yes).toBe(true);
      for (const no of [
        'evil.example',
        'localhost.evil.example',
        'evillocalhost',
        '192.168.1.10',
        '0.0.0.0',
      ])
        expect(allowed(no), no).toBe(false);
    });

    it('allows the bound host and each --allowed-host, a leading dot allowing subdomains', () => {
      const allowed = hostAllowList({
        host: '192.168.1.10',
        allowedHosts: ['xray.internal', '.dev.test', 'Box:2000', 'fd00::5'],
      });
      for (const yes of [
        '192.168.1.10',
        'xray.internal',
        'dev.test',
        'a.dev.test',
        'box',
        'fd00::5',
      ])
        expect(allowed(yes), yes).toBe(true);
      for (const no of ['xray.internal.evil', 'evil-dev.test', 'a.xray.internal', '192.168.1.11'])
        expect(allowed(no), no).toBe(false);
    });

    it("allows the machine's own addresses only when binding every interface", () => {
      const interfaceAddresses = () => ['127.0.0.1', '192.168.1.10', 'fe80::1'];
      const all = hostAllowList({ host: '0.0.0.0', interfaceAddresses });
      expect(all('192.168.1.10')).toBe(true);
      expect(all('fe80::1')).toBe(true);
      expect(all('0.0.0.0')).toBe(false);
      expect(all('evil.example')).toBe(false);
      expect(hostAllowList({ host: '127.0.0.1', interfaceAddresses })('192.168.1.10')).toBe(false);
    });
  });

  describe('isBindAll', () => {
    it('recognises 0.0.0.0 and ::', () => {
      expect(['0.0.0.0', '::', '[::]'].every(isBindAll)).toBe(true);
      expect(isBindAll('127.0.0.1')).toBe(false);
    });
  });
});
