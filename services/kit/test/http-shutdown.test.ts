import http from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { stopHttpServer, trackHttpServer, type HttpServerStopped } from '../src/http-shutdown.ts';

interface Answered {
  status: number;
  connection: string | undefined;
  /** The server had begun to stop when it wrote the response (`x-after-stop`). */
  afterStop: boolean;
}

/** A tracked server on a loopback port; `/slow` waits for `release()`, `/never` never answers. */
async function startServer(): Promise<{
  server: http.Server;
  port: number;
  release: () => void;
  seen: Array<string | undefined>;
}> {
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen: Array<string | undefined> = [];
  const server = http.createServer((req, res) => {
    seen.push(res.getHeader('connection') as string | undefined);
    if (req.url === '/never') return;
    if (req.url === '/slow') void gate.then(() => res.end('slow'));
    else res.end('ok');
  });
  trackHttpServer(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, release, seen };
}

function get(port: number, path: string, agent: http.Agent): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          afterStop: res.headers['x-after-stop'] === 'true',
        }),
      );
    });
    req.on('error', reject);
  });
}

/** Resolves once the server has received `count` requests. */
async function received(seen: unknown[], count: number): Promise<void> {
  while (seen.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

const agents: http.Agent[] = [];
const keepAlive = (): http.Agent => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
};
afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
});

describe('stopHttpServer', () => {
  describe('with a request in flight on a keep-alive connection', () => {
    it('answers it with Connection: close and resolves without cutting it', async () => {
      const { server, port, release, seen } = await startServer();
      const agent = keepAlive();
      expect((await get(port, '/', agent)).connection).toBe('keep-alive');
      const slow = get(port, '/slow', agent);
      await received(seen, 2);
      const stopped = stopHttpServer(server, { deadlineMs: 60_000 });
      release();
      expect(await slow).toMatchObject({ status: 200, connection: 'close' });
      expect((await stopped).cut).toBe(0);
    });
  });

  describe('with a new request arriving on an open connection after stop began', () => {
    it('marks its response Connection: close before the handler runs', async () => {
      const { server, port, release, seen } = await startServer();
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await received(seen, 1);
      const stopped = stopHttpServer(server, { deadlineMs: 60_000 });
      socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await received(seen, 2);
      release();
      await stopped;
      expect(seen).toEqual([undefined, 'close']);
    });
  });

  describe('with idle keep-alive connections', () => {
    it('closes them after the idle grace instead of waiting for their clients', async () => {
      const { server, port } = await startServer();
      const agent = keepAlive();
      await get(port, '/', agent);
      const socketClosed = new Promise<void>((resolve) => {
        const [socket] = Object.values(agent.freeSockets).flat();
        socket?.once('close', () => resolve());
      });
      const stopped = await stopHttpServer(server, { deadlineMs: 60_000, idleGraceMs: 10 });
      await socketClosed;
      expect(stopped.cut).toBe(0);
    });

    it('answers a request sent on one during the grace with Connection: close', async () => {
      const { server, port } = await startServer();
      const agent = keepAlive();
      await get(port, '/', agent);
      const stopped = stopHttpServer(server, { deadlineMs: 60_000, idleGraceMs: 60_000 });
      expect(await get(port, '/', agent)).toMatchObject({ status: 200, connection: 'close' });
      expect((await stopped).cut).toBe(0);
    });
  });

  describe('after stop began', () => {
    it('refuses new connections', async () => {
      const { server, port, release, seen } = await startServer();
      const slow = get(port, '/slow', keepAlive());
      await received(seen, 1);
      const stopped = stopHttpServer(server, { deadlineMs: 60_000 });
      await expect(get(port, '/', new http.Agent())).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      release();
      await slow;
      await stopped;
    });
  });

  describe('with a request that is never answered', () => {
    it('closes its connection at the deadline and counts it as cut', async () => {
      const { server, port, seen } = await startServer();
      const never = get(port, '/never', keepAlive());
      await received(seen, 1);
      const stopped = await stopHttpServer(server, { deadlineMs: 50 });
      expect(stopped.cut).toBe(1);
      await expect(never).rejects.toMatchObject({ code: 'ECONNRESET' });
    });
  });

  describe('called twice', () => {
    it('returns the first stop', async () => {
      const { server } = await startServer();
      const first = stopHttpServer(server);
      expect(stopHttpServer(server)).toBe(first);
      expect((await first).cut).toBe(0);
    });
  });

  describe('under looping keep-alive clients', () => {
    it('resolves while they still loop, each response written after stop marked Connection: close', async () => {
      // stop begins inside the 100th request's handler, so at least that one is in flight
      let handled = 0;
      let stopped: Promise<HttpServerStopped> | undefined;
      const server = http.createServer((_req, res) => {
        if (++handled === 100) stopped = stopHttpServer(server, { deadlineMs: 60_000 });
        const afterStop = stopped !== undefined;
        setTimeout(() => {
          res.setHeader('x-after-stop', String(afterStop));
          res.end('ok');
        }, 1);
      });
      trackHttpServer(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const answers: Answered[] = [];
      const loop = async (agent: http.Agent): Promise<void> => {
        for (;;) {
          try {
            answers.push(await get(port, '/', agent));
          } catch (error) {
            if (stopped) return; // refused, or reset while in transit: the server is gone
            throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 5 }, () => loop(keepAlive())));
      const afterStop = answers.filter((a) => a.afterStop);
      expect((await stopped!).cut).toBe(0);
      expect(afterStop.length).toBeGreaterThan(0);
      expect(afterStop.filter((a) => a.connection !== 'close')).toEqual([]);
    });
  });
});
