// The HTTP server's limits are set on purpose (see server-limits.ts and the README's limits
// table); protocol errors get a status line, never an unanswered hang or a crash.
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimitedServer, SERVER_LIMITS } from '../../src/http/server-limits.ts';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createLimitedServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function exchange(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('createLimitedServer', () => {
  describe('limits', () => {
    it('sets the header, request, keep-alive and idle timeouts instead of Node defaults', () => {
      expect(server.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
      expect(server.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
      expect(server.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeoutMs);
      expect(server.timeout).toBe(SERVER_LIMITS.socketIdleTimeoutMs);
      expect(SERVER_LIMITS.headersTimeoutMs).toBeLessThan(60_000);
      expect(SERVER_LIMITS.requestTimeoutMs).toBeLessThan(300_000);
    });
  });

  describe('protocol errors', () => {
    it('answers oversized headers with 431 and closes', async () => {
      const big = 'a'.repeat(SERVER_LIMITS.maxHeaderBytes + 1024);
      expect(await exchange(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`)).toMatch(
        /^HTTP\/1\.1 431 /,
      );
    });

    it('answers garbage and HTTP/1.1 without Host with 400 and closes', async () => {
      expect(await exchange('NOT HTTP\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
      expect(await exchange('GET / HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    });

    it('still answers well-formed requests afterwards', async () => {
      expect(await exchange('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 200 [\s\S]*ok$/,
      );
    });
  });
});
