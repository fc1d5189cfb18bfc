// Request bodies hold their bytes in the ingest budget shared with UDP (`maxQueueBytes`) from the
// moment they are announced or read until answered; beyond it the server answers 503 with
// Retry-After, and no path (answered, refused, aborted) leaks a byte.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/raw-request.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const BUDGET = 64 * 1024;
let s: TestServer;
const log: string[] = [];

beforeAll(async () => {
  s = await startTestServer({ maxQueueBytes: BUDGET, log: (line) => log.push(line) });
});
afterAll(() => s.close());

const queued = (): number => s.xray.stats().queuedBytes;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(check()).toBe(true);
}

/** A request whose headers (and `first` body bytes) are sent; the rest is up to the test. */
async function openRequest(headers: string, first = ''): Promise<Socket> {
  const socket = connect(s.xray.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST /TraceSegments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n${first}`,
  );
  return socket;
}

function response(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('close', () => resolve(text));
  });
}

const docs = (bytes: number): string =>
  JSON.stringify({ TraceSegmentDocuments: [], Padding: 'x'.repeat(bytes) });

describe('request body budget', () => {
  describe('while another body holds the budget', () => {
    it('answers 503 with Retry-After, then accepts the retry once the first is answered', async () => {
      const body = docs(40 * 1024);
      const held = await openRequest(
        `Content-Length: ${body.length}\r\nConnection: close\r\n`,
        body.slice(0, 1024),
      );
      await until(() => queued() === body.length);
      const refusedBefore = s.xray.stats().httpRefused;
      const refused = await rawRequest(s.xray.endpoint, {
        path: '/TraceSegments',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['x-amzn-errortype']).toBe('ServiceUnavailableException');
      expect(JSON.parse(refused.text).message).toContain('--max-queue-bytes');
      expect(s.xray.stats().httpRefused).toBe(refusedBefore + 1);
      expect(log.filter((l) => l.includes('503'))).toHaveLength(1);

      const answer = response(held);
      held.end(body.slice(1024));
      expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
      await until(() => queued() === 0);
      const retried = await rawRequest(s.xray.endpoint, {
        path: '/TraceSegments',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(retried.status).toBe(200);
      expect(queued()).toBe(0);
    });

    it('refuses a chunked body once its chunks outgrow the budget', async () => {
      const socket = await openRequest('Transfer-Encoding: chunked\r\n');
      const answer = response(socket);
      const chunk = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 5; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      socket.end('0\r\n\r\n');
      expect(await answer).toMatch(/^HTTP\/1\.1 503 /);
      await until(() => queued() === 0);
    });
  });

  describe('aborted requests', () => {
    it('give back every byte whether they announced a length or sent chunks', async () => {
      const announced = await openRequest('Content-Length: 30000\r\n', 'x'.repeat(100));
      const chunked = await openRequest(
        'Transfer-Encoding: chunked\r\n',
        '2710\r\n' + 'y'.repeat(10000) + '\r\n',
      );
      await until(() => queued() === 40_000);
      announced.destroy();
      chunked.destroy();
      await until(() => queued() === 0);
    });

    it('give back the bytes of a client that disconnects before reading its answer', async () => {
      for (let i = 0; i < 20; i++) {
        const socket = await openRequest('Content-Length: 2\r\n', '{}');
        socket.destroy();
      }
      await until(() => queued() === 0);
      const ok = await rawRequest(s.xray.endpoint, {
        path: '/TraceSegments',
        headers: { 'Content-Type': 'application/json' },
        body: docs(60 * 1024),
      });
      expect(ok.status).toBe(200);
    });
  });
});
