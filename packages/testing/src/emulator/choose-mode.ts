// Which emulator mode `auto` means here, and why (pure).
import type { DockerProbe } from './docker-probe.ts';
import type { EmulatorMode, EmulatorModeRequest } from './types.ts';

/** A chosen mode and the reason printed with it. */
export interface ModeChoice {
  mode: EmulatorMode;
  reason: string;
}

/**
 * `auto`: external when AWS_ENDPOINT_URL is set, else container when a Docker engine answers and
 * testcontainers is installed (an optional peer), else host. An explicit mode is taken as asked.
 * `probe` and `hasTestcontainers` are only called when needed.
 */
export async function chooseMode(
  requested: EmulatorModeRequest,
  endpointUrl: string | undefined,
  probe: () => Promise<DockerProbe>,
  hasTestcontainers: () => boolean = () => true,
): Promise<ModeChoice> {
  if (requested !== 'auto') return { mode: requested, reason: 'requested' };
  if (endpointUrl) return { mode: 'external', reason: `AWS_ENDPOINT_URL=${endpointUrl}` };
  const docker = await probe();
  if (docker.reachable && hasTestcontainers()) return { mode: 'container', reason: docker.detail };
  if (docker.reachable)
    return {
      mode: 'host',
      reason:
        `${docker.detail}, but testcontainers is not installed ` +
        '(npm install --save-dev testcontainers @testcontainers/localstack to use it)',
    };
  return { mode: 'host', reason: `AWS_ENDPOINT_URL not set; ${docker.detail}` };
}
