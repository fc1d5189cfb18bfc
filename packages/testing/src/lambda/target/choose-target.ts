// Which FunctionTarget runs the Lambda suites, and why (pure but for the probe it is given).
import type { DockerProbe } from '../../emulator/docker-probe.ts';
import type { EmulatorMode } from '../../emulator/types.ts';
import type { FunctionTargetKind } from './function-target.ts';

/** The env variable that overrides the choice. */
export const LAMBDA_TARGET_ENV = 'OTEL_XRAY_LAMBDA_TARGET';

/** A chosen target and the reason printed with it. */
export interface TargetChoice {
  kind: FunctionTargetKind;
  reason: string;
}

/**
 * `OTEL_XRAY_LAMBDA_TARGET=local` → the local runner; `=localstack` → LocalStack's Lambda, which
 * needs a Docker engine (a clear error without one). Unset: LocalStack's Lambda when the emulator
 * runs in container mode and a Docker engine answers, else the local runner. `probe` is only
 * called when needed.
 */
export async function chooseFunctionTarget(
  requested: string | undefined,
  emulatorMode: EmulatorMode | undefined,
  probe: () => Promise<DockerProbe>,
): Promise<TargetChoice> {
  const asked = requested?.trim().toLowerCase() ?? '';
  if (asked === 'local') return { kind: 'local', reason: `${LAMBDA_TARGET_ENV}=local` };
  if (asked === 'localstack') {
    const docker = await probe();
    if (!docker.reachable)
      throw new Error(
        `${LAMBDA_TARGET_ENV}=localstack needs a Docker engine (LocalStack's Lambda runs each ` +
          `function in a container), but ${docker.detail}. Start Docker, or unset ` +
          `${LAMBDA_TARGET_ENV} (or set it to local) to use the local runner.`,
      );
    return { kind: 'localstack', reason: `${LAMBDA_TARGET_ENV}=localstack; ${docker.detail}` };
  }
  if (asked !== '')
    throw new Error(
      `${LAMBDA_TARGET_ENV}=${requested}: expected local or localstack (or unset for the automatic choice)`,
    );
  if (emulatorMode !== 'container')
    return {
      kind: 'local',
      reason: `the emulator runs in ${emulatorMode ?? 'an unknown'} mode, not container mode`,
    };
  const docker = await probe();
  if (!docker.reachable)
    return { kind: 'local', reason: `container-mode emulator, but ${docker.detail}` };
  return { kind: 'localstack', reason: `container-mode emulator; ${docker.detail}` };
}

/** The emulator mode a global setup recorded in `OTEL_XRAY_EMULATOR_STARTED_MODE`, if any (pure). */
export function startedEmulatorMode(
  env: Record<string, string | undefined>,
): EmulatorMode | undefined {
  const value = env.OTEL_XRAY_EMULATOR_STARTED_MODE;
  return value === 'external' || value === 'container' || value === 'host' ? value : undefined;
}
