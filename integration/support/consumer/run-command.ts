// Child processes for the consumer test: run one to completion with a deadline, or start one that
// prints its URL when ready (a service) and stop it later.
import { spawn, type ChildProcess } from 'node:child_process';

/** What a finished command left behind. */
export interface CommandResult {
  /** Exit code, or null when it was killed (signal or deadline). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** True when the deadline killed it. */
  timedOut: boolean;
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long. Default 120 s. */
  timeoutMs?: number;
}

/** Runs `cmd args…` to completion; never rejects (a spawn error is exit code 127 with the message). */
export function runCommand(
  cmd: string,
  args: string[],
  options: RunOptions,
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    const done = (code: number | null, extra = ''): void => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: stderr + extra, ms: performance.now() - started, timedOut });
    };
    child.on('error', (error) => done(127, String(error)));
    child.on('close', (code) => done(code));
  });
}

/** A started service: the URL it printed, its output so far, and a stop that waits for the exit. */
export interface RunningService {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * Starts a long-running process whose first stdout line matching `ready` is its address (the
 * first capture group, else the whole match); rejects with its output if it exits first or takes
 * longer than `timeoutMs`.
 */
export function startService(
  cmd: string,
  args: string[],
  options: RunOptions & { ready: RegExp },
): Promise<RunningService> {
  const child: ChildProcess = spawn(cmd, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', resolve);
    child.on('error', (error) => {
      output += String(error);
      resolve(127);
    });
  });
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    const code = await exited;
    clearTimeout(kill);
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${cmd} ${args.join(' ')}: not ready after ${options.timeoutMs}ms\n${output}`),
      );
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] ?? match[0], output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(`${cmd} ${args.join(' ')} exited (${code}) before it was ready:\n${output}`),
      );
    });
  });
}
