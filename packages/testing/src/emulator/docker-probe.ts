// Is a Docker engine reachable? Checked cheaply: DOCKER_HOST or the usual socket files, then a
// `GET /_ping` with a short timeout. Candidate discovery is pure; only the ping touches a socket.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

/** Where an engine might listen. */
export type DockerEndpoint = { socketPath: string } | { host: string; port: number; tls: boolean };

/** Outcome of {@link probeDocker}. */
export interface DockerProbe {
  reachable: boolean;
  /** Where it answered, or what was tried — for the start-up line. */
  detail: string;
}

/** Engine endpoints to try, most specific first: DOCKER_HOST alone when set, else known sockets. */
export function dockerCandidates(
  env: Record<string, string | undefined>,
  home: string | undefined,
): DockerEndpoint[] {
  const dockerHost = env.DOCKER_HOST;
  if (dockerHost) {
    if (dockerHost.startsWith('unix://'))
      return [{ socketPath: dockerHost.slice('unix://'.length) }];
    const tcp = /^(?:tcp|https?):\/\/([^:/]+)(?::(\d+))?/.exec(dockerHost);
    if (tcp) {
      const tls = env.DOCKER_TLS_VERIFY === '1' || dockerHost.startsWith('https');
      return [{ host: tcp[1]!, port: Number(tcp[2] ?? (tls ? 2376 : 2375)), tls }];
    }
    return [];
  }
  const sockets = ['/var/run/docker.sock'];
  if (env.XDG_RUNTIME_DIR) sockets.push(join(env.XDG_RUNTIME_DIR, 'docker.sock'));
  if (home) {
    sockets.push(
      join(home, '.docker', 'run', 'docker.sock'),
      join(home, '.docker', 'desktop', 'docker.sock'),
      join(home, '.colima', 'default', 'docker.sock'),
      join(home, '.rd', 'docker.sock'),
    );
  }
  return sockets.map((socketPath) => ({ socketPath }));
}

/**
 * `no Docker socket (/var/run/docker.sock or 5 other known paths)`: the first path tried, the
 * rest (XDG, Docker Desktop, Colima, Rancher Desktop) counted, so the line stays short. Pure.
 */
export function noSocketDetail(tried: readonly string[]): string {
  const [first, ...others] = tried;
  if (first === undefined) return 'no Docker socket (DOCKER_HOST unusable)';
  const more = others.length
    ? ` or ${others.length} other known path${others.length === 1 ? '' : 's'}`
    : '';
  return `no Docker socket (${first}${more})`;
}

/** Pings the candidates that exist (in parallel); reachable when any answers `/_ping` with 200. */
export async function probeDocker(
  env: Record<string, string | undefined> = process.env,
  timeoutMs = 500,
): Promise<DockerProbe> {
  const candidates = dockerCandidates(env, env.HOME);
  const present = candidates.filter((c) => !('socketPath' in c) || existsSync(c.socketPath));
  const label = (c: DockerEndpoint): string =>
    'socketPath' in c ? c.socketPath : `${c.host}:${c.port}`;
  if (present.length === 0) {
    return { reachable: false, detail: noSocketDetail(candidates.map(label)) };
  }
  const tls = present.find((c) => 'tls' in c && c.tls);
  if (tls) return { reachable: true, detail: `DOCKER_HOST ${label(tls)} uses TLS (not probed)` };
  const answers = await Promise.all(present.map((c) => ping(c, timeoutMs)));
  const index = answers.indexOf(true);
  if (index >= 0) return { reachable: true, detail: `Docker engine at ${label(present[index]!)}` };
  return {
    reachable: false,
    detail: `no Docker engine answered at ${present.map(label).join(', ')}`,
  };
}

function ping(endpoint: DockerEndpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const target =
      'socketPath' in endpoint
        ? { socketPath: endpoint.socketPath }
        : { host: endpoint.host, port: endpoint.port };
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
