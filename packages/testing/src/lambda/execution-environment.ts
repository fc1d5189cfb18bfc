// One execution environment: a runtime-client process and the Runtime API it talks to. It
// hands out one event at a time and reports how each ended. Like Lambda, it freezes the process
// (SIGSTOP) while it waits for an event, so work left running after the response does not run.
import type { ChildProcess } from 'node:child_process';
import { startRuntimeApi } from './runtime-api-server.ts';
import type { RuntimeApiServer } from './runtime-api-server.ts';
import type { NextInvocation, ReportAnswer, RuntimeReport } from './runtime-api-types.ts';

/** How one event ended in the environment. */
export type RunOutcome =
  | { kind: 'response'; payload: string }
  | { kind: 'error'; errorType: string; payload: string; xrayCause?: string }
  | { kind: 'init-error'; errorType: string; payload: string }
  | { kind: 'exit'; code: number | null; signal: string | null };

/** Options of {@link startEnvironment}. */
export interface EnvironmentOptions {
  /** Starts the runtime process given the Runtime API address. */
  spawn: (runtimeApi: string) => ChildProcess;
  /** Freeze the process between events (default true, as Lambda). */
  freeze?: boolean;
  /** Receives the process's output. */
  onOutput?: (text: string) => void;
  /** Clock (ms). */
  now?: () => number;
}

/** A running environment. */
export interface ExecutionEnvironment {
  /** When the process was started (ms). */
  readonly startedAt: number;
  /** When the runtime first asked for an event (end of init), once it has. */
  readonly initEndedAt: number | undefined;
  /** True once the process exited or was killed. */
  readonly dead: boolean;
  /** Resolves when the runtime first asks for an event (init done), or with the exit if it dies first. */
  ready(): Promise<RunOutcome | undefined>;
  /** Delivers an event; resolves with how it ended (response, error, init error or exit). */
  run(event: NextInvocation): Promise<RunOutcome>;
  /** Resolves with the time the runtime next asks for an event, or dies (the end of Overhead). */
  nextAsked(): Promise<number>;
  /** Kills the process and closes the API; idempotent. */
  kill(): Promise<void>;
}

const alive = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A runner that exits without stopping its functions kills their processes, not leaves them. */
function trackChild(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of alive) c.kill('SIGKILL');
    });
  }
  alive.add(child);
  child.once('exit', () => alive.delete(child));
}

interface Current {
  requestId: string;
  settle: (outcome: RunOutcome) => void;
}

/** Starts the Runtime API and the runtime process behind it. */
export async function startEnvironment(options: EnvironmentOptions): Promise<ExecutionEnvironment> {
  const now = options.now ?? Date.now;
  const freeze = options.freeze ?? true;
  let waiting: ((event: NextInvocation) => void) | undefined;
  let queued: NextInvocation | undefined;
  let current: Current | undefined;
  let initEndedAt: number | undefined;
  let dead = false;
  let exit: RunOutcome | undefined;
  let frozen = false;
  const askedListeners: Array<(at: number) => void> = [];
  const readyListeners: Array<(outcome: RunOutcome | undefined) => void> = [];
  const finished = new Set<string>();

  const settle = (outcome: RunOutcome): void => {
    const c = current;
    current = undefined;
    if (c === undefined) return;
    finished.add(c.requestId);
    c.settle(outcome);
  };

  const backend = {
    next(): Promise<NextInvocation> {
      const at = now();
      if (initEndedAt === undefined) {
        initEndedAt = at;
        for (const l of readyListeners.splice(0)) l(undefined);
      }
      for (const l of askedListeners.splice(0)) l(at);
      const event = queued;
      queued = undefined;
      if (event !== undefined) return Promise.resolve(event);
      return new Promise<NextInvocation>((resolve) => {
        waiting = resolve;
        // Lambda freezes the environment while the runtime waits for an event.
        if (freeze && !dead) frozen = child.kill('SIGSTOP');
      });
    },
    report(report: RuntimeReport): ReportAnswer {
      if (report.kind === 'init-error') {
        if (initEndedAt !== undefined) return 'not-expected';
        const outcome: RunOutcome = { ...report };
        exit = outcome;
        for (const l of readyListeners.splice(0)) l(outcome);
        settle(outcome);
        return 'accepted';
      }
      if (current?.requestId !== report.requestId)
        return finished.has(report.requestId) ? 'not-expected' : 'unknown-request';
      if (report.kind === 'response') settle({ kind: 'response', payload: report.payload });
      else
        settle({
          kind: 'error',
          errorType: report.errorType,
          payload: report.payload,
          ...(report.xrayCause !== undefined ? { xrayCause: report.xrayCause } : {}),
        });
      return 'accepted';
    },
  };

  const api: RuntimeApiServer = await startRuntimeApi(backend);
  const startedAt = now();
  const child = options.spawn(api.address);
  trackChild(child);
  child.stdout?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString('utf8')));
  child.on('error', () => undefined);
  child.once('exit', (code, signal) => {
    dead = true;
    const outcome: RunOutcome = { kind: 'exit', code, signal };
    exit ??= outcome;
    for (const l of readyListeners.splice(0)) l(exit);
    for (const l of askedListeners.splice(0)) l(now());
    settle(outcome);
    void api.close();
  });

  let killing: Promise<void> | undefined;
  const kill = (): Promise<void> =>
    (killing ??= new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        void api.close().then(done);
        return;
      }
      child.once('exit', () => done());
      child.kill('SIGKILL');
    }).then(() => api.close()));

  return {
    startedAt,
    get initEndedAt() {
      return initEndedAt;
    },
    get dead() {
      return dead;
    },
    ready() {
      if (exit !== undefined) return Promise.resolve(exit);
      if (initEndedAt !== undefined) return Promise.resolve(undefined);
      return new Promise((resolve) => readyListeners.push(resolve));
    },
    run(event) {
      if (dead) return Promise.resolve(exit ?? { kind: 'exit', code: null, signal: null });
      return new Promise<RunOutcome>((resolve) => {
        current = { requestId: event.requestId, settle: resolve };
        const take = waiting;
        waiting = undefined;
        if (take === undefined) {
          queued = event;
          return;
        }
        if (frozen) frozen = !child.kill('SIGCONT');
        take(event);
      });
    },
    nextAsked() {
      if (dead) return Promise.resolve(now());
      return new Promise((resolve) => askedListeners.push(resolve));
    },
    kill,
  };
}
