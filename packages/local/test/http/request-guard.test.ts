import { describe, expect, it } from 'vitest';
import { requestGuard, type GuardedRequest } from '../../src/http/request-guard.ts';

const guard = requestGuard({ host: '127.0.0.1', allowedHosts: ['xray.internal'] });

function req(over: Partial<GuardedRequest> & { headers?: Record<string, string> }): GuardedRequest {
  return {
    method: 'POST',
    url: '/SamplingRules',
    httpVersion: '1.1',
    ...over,
    headers: { host: '127.0.0.1:2000', 'content-type': 'application/json', ...over.headers },
  };
}

describe('requestGuard', () => {
  describe('requests real clients send', () => {
    it('lets through JSON, protobuf and body-less writes without an Origin', () => {
      for (const type of [
        'application/json',
        'application/x-protobuf',
        'application/json; charset=utf-8',
      ])
        expect(guard(req({ headers: { 'content-type': type } })), type).toBeUndefined();
      const bare = req({});
      delete bare.headers['content-type'];
      expect(guard(bare)).toBeUndefined();
    });

    it("lets through the UI's same-origin calls and GETs, on any allowed Host", () => {
      expect(guard(req({ headers: { origin: 'http://127.0.0.1:2000' } }))).toBeUndefined();
      expect(
        guard(req({ headers: { host: 'localhost:2000', origin: 'http://localhost:2000' } })),
      ).toBeUndefined();
      expect(
        guard(req({ headers: { host: '[::1]:2000', origin: 'http://[::1]:2000' } })),
      ).toBeUndefined();
      expect(
        guard(req({ method: 'GET', url: '/', headers: { host: 'xray.internal:9' } })),
      ).toBeUndefined();
    });

    it('lets an HTTP/1.0 request omit Host', () => {
      const old = req({ method: 'GET', url: '/_local/stats', httpVersion: '1.0' });
      delete old.headers.host;
      expect(guard(old)).toBeUndefined();
    });
  });

  describe('foreign Host (DNS rebinding)', () => {
    it('refuses with a 403 naming --allowed-host and the environment variable', () => {
      const refusal = guard(
        req({ method: 'GET', url: '/', headers: { host: 'evil.example:2000' } }),
      );
      expect(refusal?.error.status).toBe(403);
      expect(refusal?.error.code).toBe('AccessDeniedException');
      expect(refusal?.error.message).toContain('--allowed-host evil.example');
      expect(refusal?.error.message).toContain('OTEL_XRAY_LOCAL_ALLOWED_HOSTS=evil.example');
      expect(refusal?.line).toBe(
        'refused GET "/": Host not allowed; Host "evil.example:2000" Origin - Content-Type "application/json"',
      );
    });

    it('refuses a malformed Host, and a missing one on HTTP/1.1', () => {
      expect(guard(req({ headers: { host: '127.0.0.1@evil.example' } }))?.error.status).toBe(403);
      const none = req({});
      delete none.headers.host;
      expect(guard(none)?.error.status).toBe(403);
    });
  });

  describe('foreign Origin', () => {
    it('refuses any method, GET included, and Origin null', () => {
      for (const [method, origin] of [
        ['POST', 'http://evil.example'],
        ['GET', 'http://evil.example'],
        ['POST', 'null'],
        ['POST', 'http://127.0.0.1:2001'],
        ['POST', 'http://localhost:2000'],
      ] as const) {
        const refusal = guard(req({ method, headers: { origin } }));
        expect(refusal?.error.status, `${method} ${origin}`).toBe(403);
        expect(refusal?.line).toContain('cross-origin request');
      }
    });

    it('refuses an Origin on a request without Host', () => {
      const r = req({ httpVersion: '1.0', headers: { origin: 'http://127.0.0.1:2000' } });
      delete r.headers.host;
      expect(guard(r)?.error.status).toBe(403);
    });
  });

  describe('cross-site content types on writes', () => {
    it('refuses text/plain and form types with no Origin, however they are spelled', () => {
      for (const type of [
        'text/plain',
        'text/plain;charset=UTF-8',
        ' TEXT/PLAIN ',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=----x',
      ]) {
        const refusal = guard(req({ headers: { 'content-type': type } }));
        expect(refusal?.error.status, type).toBe(403);
        expect(refusal?.error.message).toContain('Content-Type: application/json');
      }
      expect(
        guard(req({ method: 'PUT', headers: { 'content-type': 'text/plain' } })),
      ).toBeDefined();
    });

    it('does not look at the Content-Type of GET and HEAD', () => {
      for (const method of ['GET', 'HEAD'])
        expect(guard(req({ method, headers: { 'content-type': 'text/plain' } }))).toBeUndefined();
    });
  });

  describe('refusals', () => {
    it('close the connection and quote header values in the log line', () => {
      const refusal = guard(req({ headers: { origin: 'http://evil.example\n"forged line' } }));
      expect(refusal?.error.headers).toEqual({ Connection: 'close' });
      expect(refusal?.line).not.toContain('\n');
      expect(refusal?.line).toContain('Origin "http://evil.example\\n\\"forged line"');
    });
  });
});
