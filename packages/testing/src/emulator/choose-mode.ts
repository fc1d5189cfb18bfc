// Which emulator mode `auto` means here, and why (pure).
import type { DockerProbe } from './docker-probe.ts';
import type { EmulatorMode, EmulatorModeRequest } from './types.ts';

/** A chosen mode and the reason printed with it. */
export interface ModeChoice {
  mode: EmulatorMode;
  reason: string;
}

/**
 * `auto`: external when AWS_ENDPOINT_URL is set, else container when a Docker engine answers,
 * else host. An explicit mode is taken as asked. `probe` is only called when needed.
 */
export async function chooseMode(
  requested: EmulatorModeRequest,
  endpointUrl: string | undefined,
  probe: () => Promise<DockerProbe>,
): Promise<ModeChoice> {
  if (requested !== 'auto') return { mode: requested, reason: 'requested' };
  if (endpointUrl) return { mode: 'external', reason: `AWS_ENDPOINT_URL=${endpointUrl}` };
  const docker = await probe();
  if (docker.reachable) return { mode: 'container', reason: docker.detail };
  return { mode: 'host', reason: `AWS_ENDPOINT_URL not set; ${docker.detail}` };
}
