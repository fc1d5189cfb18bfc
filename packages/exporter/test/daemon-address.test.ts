import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_ADDRESS, parseDaemonAddress } from '../src/daemon-address.ts';
import { resolveDaemonAddress } from '../src/internal/resolve-daemon-address.ts';
import { captureDiag } from './support/diag-capture.ts';
import type { DiagCapture } from './support/diag-capture.ts';

describe('parseDaemonAddress', () => {
  describe('single form', () => {
    it('uses host:port for both UDP and TCP', () => {
      expect(parseDaemonAddress('xray-daemon:3000')).toEqual({
        udp: { host: 'xray-daemon', port: 3000 },
        tcp: { host: 'xray-daemon', port: 3000 },
      });
    });

    it('accepts surrounding whitespace', () => {
      expect(parseDaemonAddress('  127.0.0.1:2000 ')).toEqual(DEFAULT_DAEMON_ADDRESS);
    });
  });

  describe('pair form', () => {
    it('reads udp and tcp parts in this order', () => {
      expect(parseDaemonAddress('udp:10.0.0.1:2000 tcp:10.0.0.2:2001')).toEqual({
        udp: { host: '10.0.0.1', port: 2000 },
        tcp: { host: '10.0.0.2', port: 2001 },
      });
    });

    it('reads tcp and udp parts in the other order', () => {
      expect(parseDaemonAddress('tcp:10.0.0.2:2001 udp:10.0.0.1:2000')).toEqual({
        udp: { host: '10.0.0.1', port: 2000 },
        tcp: { host: '10.0.0.2', port: 2001 },
      });
    });
  });

  describe('invalid values', () => {
    it.each([
      '',
      '2000',
      ':2000',
      'localhost',
      'localhost:',
      'localhost:port',
      'localhost:70000',
      'localhost:0',
      'udp:a:1',
      'udp:a:1 udp:b:2',
      'udp:a:1 tcp:b',
      'udp:a:1 tcp:b:2 extra',
      '::1:2000',
      'http://host:2000',
    ])('rejects %j', (value) => {
      expect(parseDaemonAddress(value)).toBeUndefined();
    });
  });
});

describe('resolveDaemonAddress', () => {
  let logs: DiagCapture;
  beforeEach(() => {
    logs = captureDiag();
  });
  afterEach(() => logs.restore());

  it('defaults to 127.0.0.1:2000', () => {
    expect(resolveDaemonAddress(undefined, {})).toEqual(DEFAULT_DAEMON_ADDRESS);
  });

  it('uses the programmatic value without the variable', () => {
    expect(resolveDaemonAddress('daemon:2100', {}).udp).toEqual({ host: 'daemon', port: 2100 });
  });

  it('lets AWS_XRAY_DAEMON_ADDRESS override the programmatic value', () => {
    const env = { AWS_XRAY_DAEMON_ADDRESS: 'tcp:a:1 udp:b:2' };
    expect(resolveDaemonAddress('daemon:2100', env).udp).toEqual({ host: 'b', port: 2 });
  });

  it('warns once and uses the default for a bad variable', () => {
    const env = { AWS_XRAY_DAEMON_ADDRESS: 'nonsense' };
    expect(resolveDaemonAddress('daemon:2100', env)).toEqual(DEFAULT_DAEMON_ADDRESS);
    expect(logs.warn).toHaveLength(1);
    expect(logs.warn[0]).toContain('AWS_XRAY_DAEMON_ADDRESS');
  });
});
