// How a function reaches the local X-Ray from where it runs. The local runner's child shares this
// machine's loopback; a LocalStack Lambda container does not, so only then is the local X-Ray bound
// to every interface and named by the Docker host gateway (LocalStack starts function containers
// with LAMBDA_DOCKER_FLAGS=--add-host=host.docker.internal:host-gateway; see localStackLambdaPlan).
import type { FunctionTargetKind } from './function-target.ts';

/** The name a function container reaches the Docker host by. */
export const DOCKER_HOST_GATEWAY = 'host.docker.internal';

/** `startLocalXRay` options for `kind`: none (127.0.0.1, the default) unless a container must reach it. */
export function localXRayBind(kind: FunctionTargetKind): {
  host?: string;
  allowedHosts?: string[];
} {
  return kind === 'localstack' ? { host: '0.0.0.0', allowedHosts: [DOCKER_HOST_GATEWAY] } : {};
}

/** `AWS_XRAY_DAEMON_ADDRESS` for the function, from the local X-Ray's `udpAddress` (pure). */
export function functionDaemonAddress(kind: FunctionTargetKind, udpAddress: string): string {
  if (kind === 'local') return udpAddress;
  const port = /:(\d+)$/.exec(udpAddress)?.[1];
  if (port === undefined) throw new Error(`no port in the daemon address ${udpAddress}`);
  return `${DOCKER_HOST_GATEWAY}:${port}`;
}
