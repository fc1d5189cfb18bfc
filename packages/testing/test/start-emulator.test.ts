import { describe, it, expect, afterEach } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/index.ts';
import { chooseMode } from '../src/emulator/choose-mode.ts';
import { dockerCandidates, noSocketDetail, probeDocker } from '../src/emulator/docker-probe.ts';

const noDocker = () =>
  Promise.resolve({ reachable: false, detail: 'no Docker socket (/var/run/docker.sock)' });
const docker = () =>
  Promise.resolve({ reachable: true, detail: 'Docker engine at /var/run/docker.sock' });

describe('chooseMode', () => {
  describe('with auto', () => {
    it('prefers AWS_ENDPOINT_URL, then a Docker engine, then the host', async () => {
      expect(await chooseMode('auto', 'http://ls:4566', docker)).toEqual({
        mode: 'external',
        reason: 'AWS_ENDPOINT_URL=http://ls:4566',
      });
      expect(await chooseMode('auto', undefined, docker)).toEqual({
        mode: 'container',
        reason: 'Docker engine at /var/run/docker.sock',
      });
      expect(await chooseMode('auto', '', noDocker)).toEqual({
        mode: 'host',
        reason: 'AWS_ENDPOINT_URL not set; no Docker socket (/var/run/docker.sock)',
      });
    });
  });

  describe('with auto, Docker answering but testcontainers not installed', () => {
    it('falls back to the host and says how to get container mode', async () => {
      expect(await chooseMode('auto', undefined, docker, () => false)).toEqual({
        mode: 'host',
        reason:
          'Docker engine at /var/run/docker.sock, but testcontainers is not installed ' +
          '(npm install --save-dev testcontainers @testcontainers/localstack to use it)',
      });
    });
  });

  describe('with an explicit mode', () => {
    it('takes it without probing', async () => {
      const probe = () => Promise.reject(new Error('not called'));
      expect(await chooseMode('host', 'http://x', probe)).toEqual({
        mode: 'host',
        reason: 'requested',
      });
    });
  });
});

describe('dockerCandidates', () => {
  describe('with DOCKER_HOST', () => {
    it('uses it alone', () => {
      expect(dockerCandidates({ DOCKER_HOST: 'unix:///run/podman.sock' }, '/h')).toEqual([
        { socketPath: '/run/podman.sock' },
      ]);
      expect(dockerCandidates({ DOCKER_HOST: 'tcp://10.0.0.2:2375' }, '/h')).toEqual([
        { host: '10.0.0.2', port: 2375, tls: false },
      ]);
      expect(dockerCandidates({ DOCKER_HOST: 'tcp://d', DOCKER_TLS_VERIFY: '1' }, '/h')).toEqual([
        { host: 'd', port: 2376, tls: true },
      ]);
    });
  });

  describe('without DOCKER_HOST', () => {
    it('lists the usual sockets', () => {
      expect(dockerCandidates({ XDG_RUNTIME_DIR: '/run/user/1' }, '/h')).toEqual([
        { socketPath: '/var/run/docker.sock' },
        { socketPath: '/run/user/1/docker.sock' },
        { socketPath: '/h/.docker/run/docker.sock' },
        { socketPath: '/h/.docker/desktop/docker.sock' },
        { socketPath: '/h/.colima/default/docker.sock' },
        { socketPath: '/h/.rd/docker.sock' },
      ]);
    });
  });
});

describe('noSocketDetail', () => {
  describe('with several paths tried', () => {
    it('names the first and counts the others', () => {
      const tried = dockerCandidates({}, '/h').map((c) => ('socketPath' in c ? c.socketPath : ''));
      expect(noSocketDetail(tried)).toBe(
        'no Docker socket (/var/run/docker.sock or 4 other known paths)',
      );
      expect(noSocketDetail(['/a', '/b'])).toBe('no Docker socket (/a or 1 other known path)');
    });
  });

  describe('with one path or none', () => {
    it('names the path, or says DOCKER_HOST is unusable', () => {
      expect(noSocketDetail(['/run/podman.sock'])).toBe('no Docker socket (/run/podman.sock)');
      expect(noSocketDetail([])).toBe('no Docker socket (DOCKER_HOST unusable)');
    });
  });
});

describe('probeDocker', () => {
  let server: Server | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    server = undefined;
    dir = undefined;
  });

  describe('with an engine on a unix socket', () => {
    it('answers reachable after a /_ping', async () => {
      dir = mkdtempSync(join(tmpdir(), 'probe-'));
      const socketPath = join(dir, 'docker.sock');
      const paths: string[] = [];
      server = createServer((req, res) => {
        paths.push(req.url ?? '');
        res.end('OK');
      });
      await new Promise<void>((r) => server!.listen(socketPath, r));
      expect(await probeDocker({ DOCKER_HOST: `unix://${socketPath}` })).toEqual({
        reachable: true,
        detail: `Docker engine at ${socketPath}`,
      });
      expect(paths).toEqual(['/_ping']);
    });
  });

  describe('with nothing listening', () => {
    it('answers unreachable without waiting long', async () => {
      const result = await probeDocker({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 200);
      expect(result).toEqual({
        reachable: false,
        detail: 'no Docker socket (/nonexistent/docker.sock)',
      });
      const tcp = await probeDocker({ DOCKER_HOST: 'tcp://127.0.0.1:1' }, 200);
      expect(tcp).toEqual({ reachable: false, detail: 'no Docker engine answered at 127.0.0.1:1' });
    });
  });
});

describe('startEmulator', () => {
  describe('in external mode', () => {
    it('adopts AWS_ENDPOINT_URL, starts nothing and says why', async () => {
      const lines: string[] = [];
      const previous = process.env.AWS_ENDPOINT_URL;
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4599';
      try {
        const aws = await startEmulator({
          mode: 'auto',
          region: 'eu-west-1',
          log: (l) => lines.push(l),
          probeDocker: noDocker,
        });
        expect(aws).toMatchObject({
          mode: 'external',
          endpoint: 'http://127.0.0.1:4599',
          region: 'eu-west-1',
          reason: 'AWS_ENDPOINT_URL=http://127.0.0.1:4599',
        });
        await aws.stop();
        await aws.stop();
        expect(lines).toEqual([
          'mode external (AWS_ENDPOINT_URL=http://127.0.0.1:4599): http://127.0.0.1:4599, ready in 0.00 s',
        ]);
      } finally {
        if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
        else process.env.AWS_ENDPOINT_URL = previous;
      }
    });
  });
});
