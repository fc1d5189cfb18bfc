import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One JSON log line of a service (see `createLogger`); `msg` is the event. */
export interface LogLine {
  t?: string;
  service?: string;
  msg: string;
  [field: string]: unknown;
}

/** Options of {@link startService}. */
export interface StartServiceOptions {
  /** Label used in messages (e.g. `orders`). */
  name: string;
  /** The service's package folder: `@otel-xray/node/register` resolves from here. */
  cwd: string;
  /** Entry file, relative to `cwd`. Default `src/main.ts`. */
  entry?: string;
  /** The whole environment of the child. */
  env: NodeJS.ProcessEnv;
  /** The log line that means "ready" (e.g. `msg === 'listening'`). */
  ready: (line: LogLine) => boolean;
  /** Give up waiting for `ready` after this long, ms. Default 30 000. */
  timeoutMs?: number;
  /** Sees every output line as it arrives. */
  onLine?: (name: string, line: string, stream: 'stdout' | 'stderr') => void;
}

/** How a service process ended. */
export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running service process started by {@link startService}. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  /** The line that made it ready. */
  readonly readyLine: LogLine;
  /** JSON log lines so far (the newest 5,000). */
  readonly logs: readonly LogLine[];
  /** All output so far (stdout and stderr, the newest 5,000 lines), for failure messages. */
  output(): string;
  /** Resolves with the first log line (past or future) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ServiceExit>;
  /** SIGTERM, then SIGKILL after `timeoutMs` (default 10 000); resolves with the exit. Idempotent. */
  stop(timeoutMs?: number): Promise<ServiceExit>;
}

const KEEP = 5_000;
const alive = new Set<{ kill: (signal: NodeJS.Signals) => boolean }>();
let exitHookInstalled = false;

/** If this process exits without stopping its services, they are killed rather than left behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of alive) child.kill('SIGKILL');
  });
}

/**
 * Spawns a service the way a user runs it — `node --conditions=otel-xray-source --import
 * @otel-xray/node/register src/main.ts` with tracing configured by env only — and resolves once
 * it logs its ready line. Rejects (and kills it) when it exits or times out first, with its output.
 */
export function startService(options: StartServiceOptions): Promise<ServiceProcess> {
  installExitHook();
  const child = spawn(
    process.execPath,
    [
      '--conditions=otel-xray-source',
      '--import',
      '@otel-xray/node/register',
      options.entry ?? 'src/main.ts',
    ],
    { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  alive.add(child);
  const text: string[] = [];
  const logs: LogLine[] = [];
  const waiters = new Set<(line: LogLine) => void>();
  const exited = new Promise<ServiceExit>((resolve) =>
    child.once('exit', (code, signal) => {
      alive.delete(child);
      resolve({ code, signal });
    }),
  );
  const keep = <T>(list: T[], item: T): void => {
    list.push(item);
    if (list.length > KEEP) list.splice(0, list.length - KEEP);
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    keep(text, line);
    options.onLine?.(options.name, line, 'stdout');
    const parsed = parseLogLine(line);
    if (!parsed) return;
    keep(logs, parsed);
    for (const waiter of [...waiters]) waiter(parsed);
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    keep(text, line);
    options.onLine?.(options.name, line, 'stderr');
  });
  const output = (): string => text.join('\n');
  const waitForLog = (
    predicate: (line: LogLine) => boolean,
    timeoutMs = 30_000,
  ): Promise<LogLine> => {
    const past = logs.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise<LogLine>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(onLine);
      };
      const onLine = (line: LogLine): void => {
        if (!predicate(line)) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${options.name}: no matching log line in ${timeoutMs} ms\n${output()}`));
      }, timeoutMs);
      waiters.add(onLine);
      void exited.then(({ code, signal }) => {
        if (!waiters.has(onLine)) return;
        done();
        reject(new Error(`${options.name} exited (${signal ?? code}) first\n${output()}`));
      });
    });
  };
  let stopping: Promise<ServiceExit> | undefined;
  const stop = (timeoutMs = 10_000): Promise<ServiceExit> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    })());
  return waitForLog(options.ready, options.timeoutMs).then(
    (readyLine) => ({
      name: options.name,
      pid: child.pid ?? 0,
      readyLine,
      logs,
      output,
      waitForLog,
      exited,
      stop,
    }),
    async (error: unknown) => {
      await stop(2_000);
      throw error;
    },
  );
}

function parseLogLine(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as LogLine).msg === 'string'
      ? (value as LogLine)
      : undefined;
  } catch {
    return undefined;
  }
}
