// Brings up everything the demo needs — emulator, local X-Ray, topic/queues and the services —
// printing one progress line per step, and takes it all down again in reverse.
import {
  startEmulator,
  startLocalXRay,
  type LocalXRay,
  type StartedEmulatorWithReason,
} from '@otel-xray/testing';
import { startSystem, type RunningSystem, type ServiceExit } from '@otel-xray-services/kit/system';
import { progressLine } from './progress.ts';

/** The running demo stack. */
export interface DemoStack {
  emulator: StartedEmulatorWithReason;
  xray: LocalXRay;
  system: RunningSystem;
  /**
   * Stops services (SIGTERM), X-Ray and emulator; resolves with the services' exits. `signalled`:
   * the terminal's Ctrl-C reached every process, so the emulator is stopped at once. Idempotent.
   */
  stop(signalled?: boolean): Promise<Record<string, ServiceExit>>;
}

/** Where to write progress and how verbose to be. */
export interface StackOptions {
  port: number;
  verbose: boolean;
  print: (line: string) => void;
}

async function startXRay(port: number): Promise<LocalXRay> {
  try {
    return await startLocalXRay({ port });
  } catch (error) {
    if (port === 0) throw error;
    return startLocalXRay({ port: 0 }); // the preferred port is taken: any free one
  }
}

/** Starts the stack; on failure stops whatever had started and rethrows. */
export async function startStack(options: StackOptions): Promise<DemoStack> {
  const { print } = options;
  const parts: Partial<DemoStack> = {};
  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    print(progressLine(`${what} stopped`, performance.now() - t));
    return result;
  };
  // Services first (they flush their last segments to the X-Ray, and LocalStack's shutdown hangs
  // while a long poll is pending), then the rest side by side. After Ctrl-C the terminal has
  // signalled the emulator already, so there is nothing to wait for before stopping it.
  const stopParts = async (signalled: boolean): Promise<Record<string, ServiceExit>> => {
    const { system, xray, emulator } = parts;
    const stopEmulator =
      emulator && (() => timed(`emulator (${emulator.mode})`, () => emulator.stop()));
    const early = signalled ? stopEmulator?.() : undefined;
    const exits = system ? await timed('services', () => system.stop()) : {};
    await Promise.all([xray && timed('local X-Ray', () => xray.stop()), early ?? stopEmulator?.()]);
    return exits;
  };
  try {
    parts.emulator = await startEmulator({
      mode: 'auto',
      log: (line) => print(progressLine(`emulator: ${line}`)),
    });
    const local = parts.emulator.mode !== 'external';
    if (parts.emulator.endpoint) process.env.AWS_ENDPOINT_URL = parts.emulator.endpoint;
    process.env.AWS_REGION ??= parts.emulator.region;
    // an emulator takes any credentials; never send a developer's real ones to it
    if (local || !process.env.AWS_ACCESS_KEY_ID) {
      process.env.AWS_ACCESS_KEY_ID = 'test';
      process.env.AWS_SECRET_ACCESS_KEY = 'test';
      delete process.env.AWS_SESSION_TOKEN;
      delete process.env.AWS_PROFILE;
    }
    const t = performance.now();
    parts.xray = await startXRay(options.port);
    print(
      progressLine(
        `local X-Ray: daemon udp://${parts.xray.udpAddress}, X-Ray API + UI ${parts.xray.endpoint}`,
        performance.now() - t,
      ),
    );
    parts.system = await startSystem({
      prefix: `demo-${Date.now().toString(36)}`,
      env: { AWS_XRAY_DAEMON_ADDRESS: parts.xray.udpAddress },
      onStep: (step, ms) => print(progressLine(step, ms)),
      onLine: options.verbose
        ? (service, line) => print(`  ${service.padEnd(9)} │ ${line}`)
        : undefined,
    });
  } catch (error) {
    await stopParts(false).catch(() => undefined);
    throw error;
  }
  let stopping: Promise<Record<string, ServiceExit>> | undefined;
  return {
    emulator: parts.emulator,
    xray: parts.xray,
    system: parts.system,
    stop: (signalled = false) => (stopping ??= stopParts(signalled)),
  };
}
