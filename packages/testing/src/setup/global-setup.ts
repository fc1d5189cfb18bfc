// A vitest globalSetup that starts the AWS emulator and a local X-Ray once per run and hands their
// endpoints to every test through process.env and provide()/inject().
import type { TestProject } from 'vitest/node';
import { startEmulator, type StartEmulatorOptions } from '../emulator/start-emulator.ts';
import type { StartedEmulator } from '../emulator/types.ts';
import type { LocalXRayEndpoints } from '../xray/local-xray-endpoints.ts';
import { startLocalXRayProcess } from '../xray/local-xray-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** AWS_ENDPOINT_URL of the emulator (empty for real AWS). */
    awsEndpoint: string;
    /** AWS_REGION. */
    awsRegion: string;
    /** AWS_ENDPOINT_URL_XRAY of the local X-Ray (empty when none was started). */
    xrayEndpoint: string;
    /** AWS_XRAY_DAEMON_ADDRESS of the local X-Ray (empty when none was started). */
    xrayDaemonAddress: string;
  }
}

/** Options of {@link createGlobalSetup}. */
export interface GlobalSetupOptions {
  /** Emulator options, or false for none. Default `{ mode: 'auto' }`. */
  emulator?: StartEmulatorOptions | false;
  /**
   * Local X-Ray: `in-process` (default; `startLocalXRay` from `@otel-xray/local`), `process` (its
   * CLI as a child process), a function returning endpoints, or false for none.
   */
  xray?: 'in-process' | 'process' | false | (() => Promise<LocalXRayEndpoints>);
  /**
   * Check once at start-up which SQS/SNS carriers of the trace header the emulator keeps, and
   * print the summary (see `checkEmulatorPropagation`). Default false (`emulator.verifyPropagation`
   * or `OTEL_XRAY_VERIFY_PROPAGATION=1` turn it on too).
   */
  verifyPropagation?: boolean;
}

/** `setup`/`teardown` for vitest's `globalSetup`. */
export interface GlobalSetup {
  setup: (project: Pick<TestProject, 'provide'>) => Promise<void>;
  teardown: () => Promise<void>;
}

/**
 * Builds a vitest globalSetup: starts the emulator (AWS_ENDPOINT_URL, AWS_REGION, test credentials)
 * and a local X-Ray (AWS_XRAY_DAEMON_ADDRESS, AWS_ENDPOINT_URL_XRAY), sets those variables for the
 * test workers and child processes, provides them to `inject()`, and stops both at teardown.
 *
 * @example
 * // vitest.global-setup.ts
 * export const { setup, teardown } = createGlobalSetup({ emulator: { mode: 'auto' } });
 */
export function createGlobalSetup(options: GlobalSetupOptions = {}): GlobalSetup {
  let emulator: StartedEmulator | undefined;
  let xray: LocalXRayEndpoints | undefined;
  const teardown = async (): Promise<void> => {
    const stopping = [xray?.stop() ?? Promise.resolve(), emulator?.stop() ?? Promise.resolve()];
    xray = undefined;
    emulator = undefined;
    await Promise.all(stopping);
  };
  const setup = async (project: Pick<TestProject, 'provide'>): Promise<void> => {
    const startXRay = xrayStarter(options.xray ?? 'in-process');
    // Both start side by side; when one fails, whatever the other started is stopped before the
    // error is thrown (Promise.all would reject before the other one is known, and leak it).
    const [startedEmulator, startedXRay] = await Promise.allSettled([
      options.emulator === false ? undefined : startEmulator(emulatorOptions(options)),
      startXRay?.(),
    ]);
    if (startedEmulator.status === 'fulfilled') emulator = startedEmulator.value;
    if (startedXRay.status === 'fulfilled') xray = startedXRay.value;
    const failed = [startedEmulator, startedXRay].find((r) => r.status === 'rejected');
    if (failed !== undefined) {
      await teardown();
      throw failed.reason;
    }
    const region = emulator?.region ?? process.env.AWS_REGION ?? 'us-east-1';
    process.env.AWS_REGION = region;
    // which emulator actually ran (auto resolved), for the Lambda target choice in the suites
    if (emulator) process.env.OTEL_XRAY_EMULATOR_STARTED_MODE = emulator.mode;
    if (emulator?.endpoint) {
      process.env.AWS_ENDPOINT_URL = emulator.endpoint;
      process.env.AWS_ACCESS_KEY_ID ??= 'test'; // emulators accept any credentials
      process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
    }
    if (xray) {
      process.env.AWS_XRAY_DAEMON_ADDRESS = xray.udpAddress;
      process.env.AWS_ENDPOINT_URL_XRAY = xray.endpoint;
      process.stderr.write(`[xray] local X-Ray: daemon ${xray.udpAddress}, API ${xray.endpoint}\n`);
    }
    project.provide('awsEndpoint', emulator?.endpoint ?? '');
    project.provide('awsRegion', region);
    project.provide('xrayEndpoint', xray?.endpoint ?? '');
    project.provide('xrayDaemonAddress', xray?.udpAddress ?? '');
  };
  return { setup, teardown };
}

function emulatorOptions(options: GlobalSetupOptions): StartEmulatorOptions {
  const emulator = options.emulator === false ? {} : (options.emulator ?? {});
  return options.verifyPropagation === undefined
    ? emulator
    : { ...emulator, verifyPropagation: options.verifyPropagation };
}

function xrayStarter(
  choice: NonNullable<GlobalSetupOptions['xray']>,
): (() => Promise<LocalXRayEndpoints>) | undefined {
  if (choice === false) return undefined;
  if (typeof choice === 'function') return choice;
  if (choice === 'process') return () => startLocalXRayProcess();
  return async () => {
    const { startLocalXRay } = await import('@otel-xray/local');
    return startLocalXRay({ port: 0 });
  };
}
