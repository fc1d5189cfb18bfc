// A local X-Ray in its own Node process (the `otel-xray-local` CLI), for runners that cannot load
// workspace TypeScript in-process (vitest's globalSetup loader) or that want it isolated.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalXRayEndpoints } from './local-xray-endpoints.ts';

/** Options of {@link startLocalXRayProcess}. */
export interface LocalXRayProcessOptions {
  /** Port for UDP and HTTP; 0 (default) picks a free one. */
  port?: number;
  /**
   * The CLI to run with Node. Default: `@otel-xray/local`'s `dist/cli.js` (its `src/cli.ts` when
   * this module itself runs from source, as in this repository).
   */
  cli?: string;
  /** Give up after this long, ms. Default 15 000. */
  readyTimeoutMs?: number;
}

/** Starts `otel-xray-local --port <port>` and reads its endpoints from the lines it prints. */
export function startLocalXRayProcess(
  options: LocalXRayProcessOptions = {},
): Promise<LocalXRayEndpoints> {
  const cli = options.cli ?? findLocalCli();
  if (!cli)
    return Promise.reject(new Error('@otel-xray/local is not installed: cannot find its CLI'));
  const args = [
    ...(cli.endsWith('.ts') ? ['--conditions=otel-xray-source'] : []),
    cli,
    '--port',
    String(options.port ?? 0),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  return new Promise<LocalXRayEndpoints>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      process.removeListener('exit', killOnExit);
      reject(new Error(`local X-Ray process ${why}:\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(
      () => fail(`printed no endpoints within ${options.readyTimeoutMs ?? 15_000} ms`),
      options.readyTimeoutMs ?? 15_000,
    );
    child.once('exit', (code) => fail(`exited with code ${code}`));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const udpAddress = /AWS_XRAY_DAEMON_ADDRESS=(\S+)/.exec(output)?.[1];
      const endpoint = /AWS_ENDPOINT_URL_XRAY=(\S+)/.exec(output)?.[1];
      if (!udpAddress || !endpoint) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      let stopping: Promise<void> | undefined;
      const stop = (): Promise<void> =>
        (stopping ??= new Promise<void>((done) => {
          process.removeListener('exit', killOnExit);
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          child.once('exit', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }));
      resolve({ udpAddress, endpoint, stop });
    });
  });
}

/**
 * The CLI of the nearest installed `@otel-xray/local`, of the same kind as this module: built
 * output when this runs from `dist/` (an installed package), source when it runs from `src/` (the
 * workspace, where a `dist/` left by an earlier `pnpm build` may be stale, or being rewritten).
 */
export function findLocalCli(
  start = dirname(fileURLToPath(import.meta.url)),
  fromSource = import.meta.url.endsWith('.ts'),
): string | undefined {
  const kinds = fromSource ? ['src/cli.ts', 'dist/cli.js'] : ['dist/cli.js', 'src/cli.ts'];
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', '@otel-xray', 'local');
    for (const file of kinds.map((kind) => join(pkg, kind))) {
      if (existsSync(file)) return file;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
