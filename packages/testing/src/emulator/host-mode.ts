import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  rmSync,
} from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { isPortFree, findFreePort } from './ports.ts';
import type { StartedEmulator } from './types.ts';

/** Options of {@link startHostLocalStack}. */
export interface HostModeOptions {
  /** TCP port on 127.0.0.1; taken as is when free, else a free one is chosen (and said). Default 4566. */
  port?: number;
  /** Python venv holding `localstack-core==4.13.1`. Default: `$OTEL_XRAY_EMULATOR_VENV` or `.venv-emulator` found upwards from cwd. */
  venv?: string;
  /** Folder for LocalStack's state, catalog and log. Default: `.emulator` beside the venv. */
  stateDir?: string;
  /** AWS region handed to clients. Default `AWS_REGION` or `us-east-1`. */
  region?: string;
  /** How long to wait for readiness. Default 60 s. */
  readyTimeoutMs?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** Leave the final "ready" line to the caller (startEmulator prints its own). */
  quiet?: boolean;
}

/** The environment LocalStack 4.13.1 needs to run on the host bound to 127.0.0.1 (spec/emulators.md §0). */
export function hostModeEnvironment(port: number, fsRoot: string): Record<string, string> {
  return {
    OVERRIDE_IN_DOCKER: '0', // /.dockerenv may exist: without this it binds 0.0.0.0 and rewrites resolv.conf
    DNS_ADDRESS: '0',
    GATEWAY_SERVER: 'hypercorn', // the default server ignores GATEWAY_LISTEN's host
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    LOCALSTACK_HOST: `127.0.0.1:${port}`, // queue URLs must point back here
    SQS_ENDPOINT_STRATEGY: 'path',
    PROVIDER_OVERRIDE_SNS: 'v2',
    SERVICES: 'sqs,sns',
    EAGER_SERVICE_LOADING: '1',
    DISABLE_EVENTS: '1',
    SKIP_SSL_CERT_DOWNLOAD: '1',
    LOCALSTACK_TELEMETRY_DISABLED: '1',
    SQS_DISABLE_CLOUDWATCH_METRICS: '1',
    PERSISTENCE: '0',
    FILESYSTEM_ROOT: fsRoot,
  };
}

/** Finds `.venv-emulator` in `start` or a parent folder. */
export function findVenv(start = process.cwd()): string | undefined {
  if (process.env.OTEL_XRAY_EMULATOR_VENV) return resolve(process.env.OTEL_XRAY_EMULATOR_VENV);
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, '.venv-emulator');
    if (existsSync(join(candidate, 'bin', 'python'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Starts LocalStack 4.13.1 from a Python venv on 127.0.0.1 and waits until SQS and SNS answer.
 * The process is stopped by `stop()`, and also when this Node process exits.
 */
export async function startHostLocalStack(options: HostModeOptions = {}): Promise<StartedEmulator> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[emulator] ${line}\n`));
  const venv = options.venv ?? findVenv();
  const python = venv ? join(venv, 'bin', 'python') : undefined;
  if (!python || !existsSync(python)) {
    throw new Error(
      'LocalStack host mode needs a Python venv with localstack-core 4.13.1 (.venv-emulator not found). ' +
        'Create it: python3 -m venv .venv-emulator && .venv-emulator/bin/pip install -r ' +
        'node_modules/@otel-xray/testing/python/requirements.lock — or set OTEL_XRAY_EMULATOR_VENV.',
    );
  }
  const stateDir = resolve(options.stateDir ?? join(dirname(venv!), '.emulator'));
  if (options.stateDir === undefined)
    log(`LocalStack's state, service catalog and log: ${stateDir} (host.stateDir moves it)`);
  const fsRoot = join(stateDir, 'fs');
  mkdirSync(join(fsRoot, 'usr', 'lib', 'localstack'), { recursive: true });
  stopOrphans(stateDir, log);

  let port = options.port ?? 4566;
  if (!(await isPortFree(port))) {
    const taken = port;
    port = await findFreePort();
    log(`port ${taken} on 127.0.0.1 is in use; using ${port} instead`);
  }
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const logFile = join(stateDir, `localstack-${port}.log`); // per port: parallel runs keep their own
  const out = openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(python, ['-m', 'localstack.runtime.main'], {
    env: { ...cleanEnv(process.env), ...hostModeEnvironment(port, fsRoot) },
    stdio: ['ignore', out, out],
    // Its own process group: a terminal's Ctrl-C reaches the services and us, and we stop
    // LocalStack after them (signalled mid long-poll it hangs in "Stopping all services").
    detached: true,
  });
  closeSync(out);
  const pidFile = join(stateDir, `localstack-${port}.pid`);
  writeFileSync(pidFile, String(child.pid));
  const killOnExit = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(endpoint, child, options.readyTimeoutMs ?? 60_000, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    throw error;
  }
  const startupMs = performance.now() - started;
  if (!options.quiet) {
    log(`LocalStack 4.13.1 (host mode) ready at ${endpoint} in ${(startupMs / 1000).toFixed(2)} s`);
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= terminate(child).finally(() => {
      process.removeListener('exit', killOnExit);
      rmSync(pidFile, { force: true });
    }));
  return { mode: 'host', endpoint, region, startupMs, stop };
}

function cleanEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    // LocalStack reads many generic names (DEBUG, PORT…); hand it only the basics it needs.
    if (v !== undefined && /^(PATH|HOME|LANG|LC_.*|TZ|TMPDIR|LOCALSTACK_AUTH_TOKEN)$/.test(k))
      out[k] = v;
  }
  return out;
}

/**
 * A LocalStack left behind by an earlier run that was killed (its pid file survived and its parent
 * is gone, so it was re-parented) is stopped. Instances of other live runs are left alone.
 */
function stopOrphans(stateDir: string, log: (line: string) => void): void {
  let names: string[];
  try {
    names = readdirSync(stateDir).filter((n) => /^localstack(-\d+)?\.pid$/.test(n));
  } catch {
    return;
  }
  for (const name of names) {
    const pidFile = join(stateDir, name);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (!cmdline.includes('localstack.runtime.main')) {
        rmSync(pidFile, { force: true });
      } else if (ppid === 1 || !isAlive(ppid)) {
        process.kill(pid, 'SIGKILL');
        rmSync(pidFile, { force: true });
        log(`stopped a LocalStack (pid ${pid}) left behind by an earlier run`);
      }
    } catch {
      rmSync(pidFile, { force: true }); // not running any more
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `LocalStack exited with code ${child.exitCode} before it was ready; see ${logFile}:\n${tail(logFile)}`,
      );
    }
    // Only our own child's "Ready." counts: a health answer alone could come from another
    // LocalStack that grabbed the same port a moment earlier (our child then fails to bind).
    ready ||= /^Ready\.$/m.test(readLog(logFile));
    if (!ready) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const res = await fetch(`${endpoint}/_localstack/health`, {
        signal: AbortSignal.timeout(1000),
      });
      if (res.ok) {
        const body = (await res.json()) as { services?: Record<string, string> };
        const ok = (s: string | undefined): boolean => s === 'running' || s === 'available';
        if (ok(body.services?.sqs) && ok(body.services?.sns)) return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `LocalStack was not ready within ${timeoutMs} ms; see ${logFile}:\n${tail(logFile)}`,
  );
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  // Hypercorn's graceful shutdown waits for idle keep-alive connections of clients still alive
  // (often the caller's own SDK clients) for up to 10 s; nothing is persisted (PERSISTENCE=0).
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
