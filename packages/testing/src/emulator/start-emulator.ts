// One call for every environment: an existing endpoint, a container, or LocalStack on the host.
import { createRequire } from 'node:module';
import { chooseMode } from './choose-mode.ts';
import type { ContainerModeOptions } from './container-plan.ts';
import { probeDocker, type DockerProbe } from './docker-probe.ts';
import { startHostLocalStack, type HostModeOptions } from './host-mode.ts';
import type { EmulatorModeRequest, StartedEmulator } from './types.ts';
import type { PropagationReport } from '../propagation-check/propagation-report.ts';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /** `auto` (default), `external`, `container` or `host`. Also read from `OTEL_XRAY_EMULATOR_MODE`. */
  mode?: EmulatorModeRequest;
  /** Region for clients. Default AWS_REGION or us-east-1. */
  region?: string;
  /** Host-mode settings. */
  host?: Omit<HostModeOptions, 'region' | 'log' | 'quiet'>;
  /** Container-mode settings. */
  container?: ContainerModeOptions;
  /** Progress lines. Default: stderr, prefixed `[emulator]`. */
  log?: (line: string) => void;
  /** Replaces the Docker check (tests). */
  probeDocker?: () => Promise<DockerProbe>;
  /**
   * After start-up, run {@link checkEmulatorPropagation} against the emulator and print its summary
   * (a few hundred ms; the whole report when a carrier is lost). Default false, or
   * `OTEL_XRAY_VERIFY_PROPAGATION=1`.
   */
  verifyPropagation?: boolean;
}

/** A started emulator plus why its mode was chosen. */
export interface StartedEmulatorWithReason extends StartedEmulator {
  /** Why this mode: `requested`, `AWS_ENDPOINT_URL=…`, the Docker probe's finding. */
  reason: string;
  /** What `verifyPropagation` found; absent when it was not asked for. */
  propagation?: PropagationReport;
}

/**
 * Starts (or adopts) an AWS emulator for SQS and SNS and prints which mode, why, and how long
 * start-up took.
 *
 * @example
 * const aws = await startEmulator(); // auto
 * process.env.AWS_ENDPOINT_URL = aws.endpoint;
 * await aws.stop();
 */
export async function startEmulator(
  options: StartEmulatorOptions = {},
): Promise<StartedEmulatorWithReason> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[emulator] ${line}\n`));
  const requested = options.mode ?? modeFromEnv() ?? 'auto';
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const choice = await chooseMode(
    requested,
    process.env.AWS_ENDPOINT_URL,
    options.probeDocker ?? (() => probeDocker()),
    testcontainersInstalled,
  );
  let emulator: StartedEmulator;
  if (choice.mode === 'external') {
    emulator = {
      mode: 'external',
      endpoint: process.env.AWS_ENDPOINT_URL ?? '',
      region,
      startupMs: 0,
      stop: () => Promise.resolve(),
    };
  } else if (choice.mode === 'container') {
    const { startContainerLocalStack } = await import('./container-mode.ts');
    emulator = await startContainerLocalStack({ ...options.container, region });
  } else {
    emulator = await startHostLocalStack({ ...options.host, region, log, quiet: true });
  }
  const where = emulator.endpoint || 'real AWS (no endpoint override)';
  log(
    `mode ${choice.mode} (${choice.reason}): ${where}, ready in ${(emulator.startupMs / 1000).toFixed(2)} s`,
  );
  const started: StartedEmulatorWithReason = { ...emulator, reason: choice.reason };
  if (options.verifyPropagation ?? verifyFromEnv()) {
    const { checkEmulatorPropagation } =
      await import('../propagation-check/check-emulator-propagation.ts');
    const report = await checkEmulatorPropagation({ endpoint: emulator.endpoint, region });
    for (const line of (report.ok ? report.summary : report.print()).split('\n')) log(line);
    started.propagation = report;
  }
  return started;
}

function verifyFromEnv(): boolean {
  const value = process.env.OTEL_XRAY_VERIFY_PROPAGATION?.toLowerCase();
  return value === '1' || value === 'true';
}

function modeFromEnv(): EmulatorModeRequest | undefined {
  const value = process.env.OTEL_XRAY_EMULATOR_MODE;
  return value === 'auto' || value === 'external' || value === 'container' || value === 'host'
    ? value
    : undefined;
}

/** Whether the optional peer `testcontainers` resolves from here. */
function testcontainersInstalled(): boolean {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('testcontainers');
    require.resolve('@testcontainers/localstack');
    return true;
  } catch {
    return false;
  }
}
