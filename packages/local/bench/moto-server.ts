// Starts moto's X-Ray (moto server from PyPI) for the side-by-side ingest benchmark, creating the
// bench venv (.venv-bench) on first use.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A running moto server. */
export interface Moto {
  endpoint: string;
  stop(): void;
}

function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) dir = join(dir, '..');
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Creates .venv-bench with moto[server] if needed, starts moto on a free port, waits until it answers. */
export async function startMoto(): Promise<Moto> {
  const venv = join(repoRoot(), '.venv-bench');
  const python = join(venv, 'bin', 'python');
  if (!existsSync(join(venv, 'bin', 'moto_server'))) {
    process.stdout.write('creating .venv-bench with moto[server] (first run only)…\n');
    if (!existsSync(python)) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(venv, 'bin', 'moto_server'),
    ['-H', '127.0.0.1', '-p', String(port)],
    {
      stdio: 'ignore',
    },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { endpoint, stop: () => void child.kill('SIGTERM') };
}
