import { describe, expect, it } from 'vitest';
import http, { type IncomingMessage } from 'node:http';
import { serverRequestAttributes } from '../../src/instrumentation/server-attributes.ts';
import { parseHostHeader } from '../../src/instrumentation/host-header.ts';
import { redactQuery } from '../../src/instrumentation/query-redaction.ts';
import {
  normalizeMethod,
  isErrorStatus,
  statusErrorType,
} from '../../src/instrumentation/http-method.ts';
import { fetchRequestAttributes } from '../../src/instrumentation/fetch-attributes.ts';
import { clientRequestAttributes } from '../../src/instrumentation/client-attributes.ts';
import { instrumentationMode } from '../../src/instrumentation/instrumentation-mode.ts';

describe('parseHostHeader', () => {
  it('splits host and port, with the scheme default when none is given', () => {
    expect(parseHostHeader('example.com:8080')).toEqual({ host: 'example.com', port: '8080' });
    expect(parseHostHeader('example.com', 'https')).toEqual({ host: 'example.com', port: '443' });
    expect(parseHostHeader('example.com')).toEqual({ host: 'example.com', port: undefined });
  });
  it('handles bracketed IPv6 hosts', () => {
    expect(parseHostHeader('[::1]:3000')).toEqual({ host: '[::1]', port: '3000' });
    expect(parseHostHeader('[::1]', 'http')).toEqual({ host: '[::1]', port: '80' });
  });
});

describe('redactQuery', () => {
  it('returns an ordinary query untouched', () => {
    expect(redactQuery('a=1&b=two%20words')).toBe('a=1&b=two%20words');
  });
  it('redacts signing parameters', () => {
    expect(redactQuery('X-Amz-Signature=abc&x=1')).toBe('X-Amz-Signature=REDACTED&x=1');
  });
});

describe('http-method', () => {
  it('normalizes methods as the stable conventions say', () => {
    expect(normalizeMethod('get')).toBe('GET');
    expect(normalizeMethod('PURGE')).toBe('_OTHER');
    expect(normalizeMethod(undefined)).toBe('GET');
  });
  it('judges statuses by span kind', () => {
    expect(isErrorStatus(404, true)).toBe(true);
    expect(isErrorStatus(404, false)).toBe(false);
    expect(isErrorStatus(503, false)).toBe(true);
    expect(statusErrorType(503, false)).toBe('503');
    expect(statusErrorType(200, true)).toBeUndefined();
  });
});

describe('fetchRequestAttributes', () => {
  it('reads url parts, port and user agent without a URL object', () => {
    const attrs = fetchRequestAttributes({
      origin: 'http://127.0.0.1:4000',
      path: '/a/b?x=1',
      method: 'POST',
      headers: ['user-agent', 'ua/1', 'accept', '*/*'],
    });
    expect(attrs).toMatchObject({
      'http.request.method': 'POST',
      'url.full': 'http://127.0.0.1:4000/a/b?x=1',
      'url.path': '/a/b',
      'url.query': '?x=1',
      'url.scheme': 'http',
      'server.address': '127.0.0.1',
      'server.port': 4000,
      'user_agent.original': 'ua/1',
    });
  });
  it('uses the scheme default port and ignores an origin without scheme', () => {
    expect(
      fetchRequestAttributes({ origin: 'https://[::1]', path: '/', method: 'GET', headers: [] })?.[
        'server.port'
      ],
    ).toBe(443);
    expect(
      fetchRequestAttributes({ origin: 'nonsense', path: '/', method: 'GET', headers: [] }),
    ).toBeUndefined();
  });
});

describe('clientRequestAttributes', () => {
  it('takes host, port and path from the ClientRequest as Node built it', () => {
    const request = http.request({
      host: '127.0.0.1',
      port: 1,
      path: '/p?sig=secret',
      method: 'DELETE',
      headers: { 'user-agent': 'me' },
    });
    request.on('error', () => undefined);
    request.destroy();
    expect(clientRequestAttributes(request)).toEqual({
      'http.request.method': 'DELETE',
      'server.address': '127.0.0.1',
      'server.port': 1,
      'url.full': 'http://127.0.0.1:1/p?sig=REDACTED',
      'user_agent.original': 'me',
    });
  });
});

describe('instrumentationMode', () => {
  it('defaults to lean; the option wins over the env', () => {
    expect(instrumentationMode(undefined, undefined)).toBe('lean');
    expect(instrumentationMode(undefined, ' OTEL ')).toBe('otel');
    expect(instrumentationMode('lean', 'otel')).toBe('lean');
    expect(instrumentationMode(undefined, 'bogus')).toBe('lean');
  });
});

describe('serverRequestAttributes', () => {
  const request = (url: string, headers: Record<string, string>): IncomingMessage =>
    ({
      url,
      method: 'GET',
      headers,
      httpVersion: '1.1',
      socket: { remoteAddress: '10.0.0.9', remotePort: 5555 },
    }) as unknown as IncomingMessage;

  it('reads the Host header, the path and the query as sent', () => {
    expect(
      serverRequestAttributes(request('/a/b?x=1', { host: 'svc:8080', 'user-agent': 'ua' })),
    ).toEqual({
      'http.request.method': 'GET',
      'url.scheme': 'http',
      'server.address': 'svc',
      'server.port': 8080,
      'network.peer.address': '10.0.0.9',
      'network.peer.port': 5555,
      'network.protocol.version': '1.1',
      'user_agent.original': 'ua',
      'url.path': '/a/b',
      'url.query': 'x=1',
      'client.address': '10.0.0.9',
    });
  });
  it('prefers Forwarded, then X-Forwarded-*, for the server and client addresses', () => {
    const viaProxy = serverRequestAttributes(
      request('/', {
        host: 'inner',
        'x-forwarded-host': 'outer.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '1.2.3.4, 10.0.0.1',
      }),
    );
    expect(viaProxy).toMatchObject({
      'server.address': 'outer.example',
      'server.port': 443,
      'client.address': '1.2.3.4',
    });
    const forwarded = serverRequestAttributes(
      request('/', { host: 'inner', forwarded: 'for=5.6.7.8;host=fwd.example' }),
    );
    expect(forwarded).toMatchObject({
      'server.address': 'fwd.example',
      'client.address': '5.6.7.8',
    });
  });
  it('survives a malformed Forwarded header and an absolute-form target', () => {
    const attrs = serverRequestAttributes(
      request('http://proxy.example/p?q=2', { forwarded: '=;;"' }),
    );
    expect(attrs).toMatchObject({
      'url.path': '/p',
      'url.query': 'q=2',
      'client.address': '10.0.0.9',
    });
  });
});
