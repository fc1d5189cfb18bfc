// One call for every environment: an existing endpoint, a container, or LocalStack on the host.
import { chooseMode } from './choose-mode.ts';
import type { ContainerModeOptions } from './container-plan.ts';
import { probeDocker, type DockerProbe } from './docker-probe.ts';
import { startHostLocalStack, type HostModeOptions } from './host-mode.ts';
import type { EmulatorModeRequest, StartedEmulator } from './types.ts';

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
}

/** A started emulator plus why its mode was chosen. */
export interface StartedEmulatorWithReason extends StartedEmulator {
  /** Why this mode: `requested`, `AWS_ENDPOINT_URL=…`, the Docker probe's finding. */
  reason: string;
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
  return { ...emulator, reason: choice.reason };
}

function modeFromEnv(): EmulatorModeRequest | undefined {
  const value = process.env.OTEL_XRAY_EMULATOR_MODE;
  return value === 'auto' || value === 'external' || value === 'container' || value === 'host'
    ? value
    : undefined;
}
