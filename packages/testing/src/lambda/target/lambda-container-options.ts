// What the LocalStack container needs so its own Lambda can run functions: the lambda service,
// the Docker socket (LocalStack starts each function container through it) and function
// containers able to reach the host (the local X-Ray) as host.docker.internal. Only used in
// container mode, and left out when OTEL_XRAY_LAMBDA_TARGET=local: mounting the socket hands the
// LocalStack container control of the Docker engine.
import type { ContainerModeOptions } from '../../emulator/container-plan.ts';
import { LAMBDA_TARGET_ENV } from './choose-target.ts';

/** Container-mode options for LocalStack's Lambda (pure; `env` for the override and DOCKER_HOST). */
export function lambdaContainerOptions(
  env: Record<string, string | undefined>,
): Pick<ContainerModeOptions, 'environment' | 'bindMounts'> {
  if (env[LAMBDA_TARGET_ENV]?.trim().toLowerCase() === 'local') return {};
  const dockerHost = env.DOCKER_HOST ?? '';
  const socket = dockerHost.startsWith('unix://')
    ? dockerHost.slice('unix://'.length)
    : '/var/run/docker.sock';
  return {
    environment: {
      SERVICES: 'sqs,sns,lambda',
      LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT: '60',
      LAMBDA_DOCKER_FLAGS: '--add-host=host.docker.internal:host-gateway',
    },
    // a TCP DOCKER_HOST has no socket to mount; LocalStack then needs its own DOCKER_HOST
    ...(dockerHost === '' || dockerHost.startsWith('unix://')
      ? { bindMounts: [{ source: socket, target: '/var/run/docker.sock' }] }
      : {}),
  };
}
