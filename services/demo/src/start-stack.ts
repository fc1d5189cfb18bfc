// Brings up everything the demo needs — local X-Ray, emulator, topic/queues and the services —
// printing one progress line per step, and takes down whatever has started, at any moment: a
// stop during start-up waits for the step in flight, then stops it and everything before it.
import {
  startEmulator,
  startLocalXRay,
  type LocalXRay,
  type StartedEmulatorWithReason,
} from '@otel-xray/testing';
import { startSystem, type RunningSystem, type ServiceExit } from '@otel-xray-services/kit/system';
import { DEFAULT_PORT } from './demo-options.ts';
import { describePortUse, findPortUses, type PortUse } from './port-holder.ts';
import { progressLine } from './progress.ts';

/** The parts, once all have started. */
export interface StartedStack {
  emulator: StartedEmulatorWithReason;
  xray: LocalXRay;
  system: RunningSystem;
  /** The default port was taken and the local X-Ray took this free one instead. */
  fellBackFrom?: number;
}

/** The demo's stack: start it once, stop it at any time. */
export interface DemoStack {
  /** Starts the parts one after the other; rejects with {@link StackStopped} when stopped meanwhile. */
  start(): Promise<StartedStack>;
  /** What is starting right now (`services starting`…), or undefined once up. */
  starting(): string | undefined;
  /**
   * Prints `<why>: stopping <parts>`, then stops services (SIGTERM), local X-Ray and emulator — each
   * only if it started or is starting — one line each; resolves with the services' exits (empty
   * when they never came up). Idempotent.
   */
  stop(why: string): Promise<Record<string, ServiceExit>>;
}

/** Where to write progress and how verbose to be. */
export interface StackOptions {
  /** `--port`: a taken one is a {@link PortTakenError}; undefined: the default, else a free port. */
  port: number | undefined;
  verbose: boolean;
  print: (line: string) => void;
}

/** The explicit `--port` is taken; `uses` says on which protocol and by whom, where known. */
export class PortTakenError extends Error {
  readonly port: number;
  readonly uses: readonly PortUse[];
  constructor(port: number, uses: readonly PortUse[]) {
    const held = uses.length
      ? uses.map(describePortUse).join('; ')
      : `UDP or TCP port ${port} was in use`;
    super(
      `--port ${port} is taken: ${held}.\nStop that process, choose another --port, or leave ` +
        `--port out to use ${DEFAULT_PORT} (or a free port when that is taken).`,
    );
    this.name = 'PortTakenError';
    this.port = port;
    this.uses = uses;
  }
}

/** start() gave up because stop() was called. */
export class StackStopped extends Error {
  constructor() {
    super('stopped during start-up');
    this.name = 'StackStopped';
  }
}

function isAddressInUse(error: unknown): boolean {
  // the UDP bind fails in a worker thread: its error keeps the message, not the code
  return (
    error instanceof Error &&
    /EADDRINUSE/.test(`${(error as { code?: string }).code} ${error.message}`)
  );
}

async function startXRay(
  port: number | undefined,
  print: (line: string) => void,
): Promise<{ xray: LocalXRay; fellBackFrom?: number }> {
  const wanted = port ?? DEFAULT_PORT;
  try {
    return { xray: await startLocalXRay({ port: wanted }) };
  } catch (error) {
    if (wanted === 0 || !isAddressInUse(error)) throw error;
    const uses = await findPortUses(wanted);
    if (port !== undefined) throw new PortTakenError(port, uses);
    const held = uses.length ? uses.map(describePortUse).join('; ') : `port ${wanted} is in use`;
    print(progressLine(`local X-Ray: ${held}; using a free port instead`));
    return { xray: await startLocalXRay({ port: 0 }), fellBackFrom: wanted };
  }
}

const noStop = (): void => undefined;

/** A part's start: in flight, up, or failed (a failed start has cleaned up after itself). */
interface Part<T> {
  promise: Promise<T>;
  state: 'starting' | 'up' | 'failed';
  value?: T;
}

function track<T>(promise: Promise<T>): Part<T> {
  const part: Part<T> = { promise, state: 'starting' };
  promise.then(
    (value) => Object.assign(part, { state: 'up', value }),
    () => (part.state = 'failed'),
  );
  return part;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    : (names[0] ?? '');
}

/** A stack that has not started yet. */
export function createStack(options: StackOptions): DemoStack {
  const { print } = options;
  let xray: Part<{ xray: LocalXRay; fellBackFrom?: number }> | undefined;
  let emulator: Part<StartedEmulatorWithReason> | undefined;
  let system: Part<RunningSystem> | undefined;
  let step: string | undefined = 'nothing started yet';
  let stopping: Promise<Record<string, ServiceExit>> | undefined;

  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    print(progressLine(what, performance.now() - t));
    return result;
  };
  const next = <T>(name: string, begin: () => Part<T>): Promise<T> => {
    if (stopping) throw new StackStopped();
    step = name;
    return begin().promise;
  };
  const live = <T>(part: Part<T> | undefined): part is Part<T> =>
    part !== undefined && part.state !== 'failed';
  const external = (): boolean => emulator?.value?.mode === 'external';

  // Services first (they flush their last segments to the X-Ray, and LocalStack's shutdown hangs
  // while a long poll is pending), then the rest side by side. A part still starting is waited
  // for; one whose start failed has cleaned up after itself.
  const stopParts = async (): Promise<Record<string, ServiceExit>> => {
    const exits = live(system)
      ? await timed('services stopped', () =>
          system!.promise.then(
            (s) => s.stop(),
            () => ({}),
          ),
        )
      : {};
    const stopEmulator = async (): Promise<void> => {
      const started = await emulator!.promise.catch(() => undefined);
      if (started?.mode === 'external') {
        print(progressLine(`emulator: external (${started.endpoint || 'AWS'}), left running`));
      } else if (started) {
        await timed(`emulator (${started.mode}) stopped`, () => started.stop());
      }
    };
    await Promise.all([
      live(xray) &&
        timed('local X-Ray stopped', () => xray!.promise.then(({ xray: x }) => x.stop(), noStop)),
      live(emulator) && stopEmulator(),
    ]);
    return exits;
  };

  const stop = (why: string): Promise<Record<string, ServiceExit>> =>
    (stopping ??= (() => {
      const named = (part: Part<unknown> | undefined, name: string): string | false =>
        live(part) && (part.state === 'starting' ? `${name} (once started)` : name);
      const names = [
        named(system, 'services'),
        named(xray, 'local X-Ray'),
        !external() && named(emulator, 'emulator'),
      ].filter((p): p is string => typeof p === 'string');
      print(progressLine(names.length ? `${why}: stopping ${listed(names)}` : `${why}`));
      return stopParts();
    })());

  const start = async (): Promise<StartedStack> => {
    try {
      const t = performance.now();
      const local = await next(
        'local X-Ray starting',
        () => (xray = track(startXRay(options.port, print))),
      );
      if (stopping) throw new StackStopped();
      print(
        progressLine(
          `local X-Ray: daemon udp://${local.xray.udpAddress}, API + UI ${local.xray.endpoint}`,
          performance.now() - t,
        ),
      );
      const aws = await next(
        'emulator starting',
        () =>
          (emulator = track(
            startEmulator({
              mode: 'auto',
              log: (line) => print(progressLine(`emulator: ${line}`)),
            }),
          )),
      );
      if (stopping) throw new StackStopped();
      if (aws.endpoint) process.env.AWS_ENDPOINT_URL = aws.endpoint;
      process.env.AWS_REGION ??= aws.region;
      // an emulator takes any credentials; never send a developer's real ones to it
      if (aws.mode !== 'external' || !process.env.AWS_ACCESS_KEY_ID) {
        process.env.AWS_ACCESS_KEY_ID = 'test';
        process.env.AWS_SECRET_ACCESS_KEY = 'test';
        delete process.env.AWS_SESSION_TOKEN;
        delete process.env.AWS_PROFILE;
      }
      const services = await next(
        'services starting',
        () =>
          (system = track(
            startSystem({
              prefix: `demo-${Date.now().toString(36)}`,
              env: {
                AWS_XRAY_DAEMON_ADDRESS: local.xray.udpAddress,
                OTEL_XRAY_LOGS_ENDPOINT: `${local.xray.endpoint}/v1/logs`,
              },
              notifications: true,
              onStep: (done, ms) => print(progressLine(done, ms)),
              onLine: options.verbose
                ? (service, line) => print(`  ${service.padEnd(13)} │ ${line}`)
                : undefined,
            }),
          )),
      );
      if (stopping) throw new StackStopped();
      step = undefined;
      return {
        emulator: aws,
        xray: local.xray,
        system: services,
        ...(local.fellBackFrom === undefined ? {} : { fellBackFrom: local.fellBackFrom }),
      };
    } catch (error) {
      if (stopping) throw new StackStopped(); // stop() takes down what had started
      if (live(xray) || live(emulator) || live(system)) {
        await stop('start-up failed').catch(noStop);
      }
      throw error;
    }
  };

  return { start, starting: () => step, stop };
}
