import { describe, it, expect } from 'vitest';
import {
  chooseFunctionTarget,
  startedEmulatorMode,
} from '../../src/lambda/target/choose-target.ts';
import { functionDaemonAddress, localXRayBind } from '../../src/lambda/target/daemon-reach.ts';
import type { DockerProbe } from '../../src/emulator/docker-probe.ts';
import { lambdaContainerOptions } from '../../src/lambda/target/lambda-container-options.ts';

const up: DockerProbe = { reachable: true, detail: 'Docker engine at /var/run/docker.sock' };
const down: DockerProbe = { reachable: false, detail: 'no Docker socket (/var/run/docker.sock)' };

/** A probe that counts its calls. */
function probeOf(result: DockerProbe) {
  const probe = Object.assign(() => Promise.resolve((probe.calls++, result)), { calls: 0 });
  return probe;
}

describe('chooseFunctionTarget', () => {
  it('takes OTEL_XRAY_LAMBDA_TARGET=local without probing Docker', async () => {
    const probe = probeOf(up);
    await expect(chooseFunctionTarget('local', 'container', probe)).resolves.toEqual({
      kind: 'local',
      reason: 'OTEL_XRAY_LAMBDA_TARGET=local',
    });
    expect(probe.calls).toBe(0);
  });

  it('takes localstack when asked and a Docker engine answers, whatever the emulator mode', async () => {
    const choice = await chooseFunctionTarget(' LocalStack ', 'host', probeOf(up));
    expect(choice.kind).toBe('localstack');
    expect(choice.reason).toContain('Docker engine at /var/run/docker.sock');
  });

  it('refuses localstack without a Docker engine, naming what was tried and the way out', async () => {
    const error = await chooseFunctionTarget('localstack', 'container', probeOf(down)).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /OTEL_XRAY_LAMBDA_TARGET=localstack needs a Docker engine/,
    );
    expect((error as Error).message).toContain('no Docker socket (/var/run/docker.sock)');
    expect((error as Error).message).toContain('set it to local');
  });

  it('refuses an unknown value instead of guessing', async () => {
    await expect(chooseFunctionTarget('lambda', 'host', probeOf(up))).rejects.toThrow(
      'OTEL_XRAY_LAMBDA_TARGET=lambda: expected local or localstack',
    );
  });

  it('unset: LocalStack Lambda in container mode with Docker answering', async () => {
    const choice = await chooseFunctionTarget(undefined, 'container', probeOf(up));
    expect(choice).toEqual({
      kind: 'localstack',
      reason: 'container-mode emulator; Docker engine at /var/run/docker.sock',
    });
  });

  it('unset: the local runner in container mode when Docker stopped answering', async () => {
    const choice = await chooseFunctionTarget('', 'container', probeOf(down));
    expect(choice.kind).toBe('local');
    expect(choice.reason).toContain('no Docker socket');
  });

  it.each(['host', 'external', undefined] as const)(
    'unset: the local runner for a %s emulator, without probing',
    async (mode) => {
      const probe = probeOf(up);
      const choice = await chooseFunctionTarget(undefined, mode, probe);
      expect(choice.kind).toBe('local');
      expect(choice.reason).toContain(mode ?? 'unknown');
      expect(probe.calls).toBe(0);
    },
  );
});

describe('startedEmulatorMode', () => {
  it('reads the mode the global setup recorded, ignoring anything else', () => {
    expect(startedEmulatorMode({ OTEL_XRAY_EMULATOR_STARTED_MODE: 'container' })).toBe('container');
    expect(startedEmulatorMode({ OTEL_XRAY_EMULATOR_STARTED_MODE: 'auto' })).toBeUndefined();
    expect(startedEmulatorMode({})).toBeUndefined();
  });
});

describe('daemon reach', () => {
  it('keeps the local X-Ray on 127.0.0.1 for the local runner', () => {
    expect(localXRayBind('local')).toEqual({});
    expect(functionDaemonAddress('local', '127.0.0.1:41234')).toBe('127.0.0.1:41234');
  });

  it('binds every interface and names the Docker host gateway only for LocalStack Lambda', () => {
    expect(localXRayBind('localstack')).toEqual({
      host: '0.0.0.0',
      allowedHosts: ['host.docker.internal'],
    });
    expect(functionDaemonAddress('localstack', '0.0.0.0:41234')).toBe('host.docker.internal:41234');
    expect(() => functionDaemonAddress('localstack', 'nowhere')).toThrow('no port');
  });
});

describe('lambdaContainerOptions', () => {
  it('readies LocalStack for its Lambda: the service, the Docker socket, the host gateway', () => {
    expect(lambdaContainerOptions({})).toEqual({
      environment: {
        SERVICES: 'sqs,sns,lambda',
        LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT: '60',
        LAMBDA_DOCKER_FLAGS: '--add-host=host.docker.internal:host-gateway',
      },
      bindMounts: [{ source: '/var/run/docker.sock', target: '/var/run/docker.sock' }],
    });
  });

  it('mounts the socket DOCKER_HOST names, and none for a TCP engine', () => {
    expect(
      lambdaContainerOptions({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }).bindMounts,
    ).toEqual([{ source: '/run/user/1000/docker.sock', target: '/var/run/docker.sock' }]);
    expect(
      lambdaContainerOptions({ DOCKER_HOST: 'tcp://10.0.0.5:2375' }).bindMounts,
    ).toBeUndefined();
  });

  it('adds nothing (no socket mount) when the local runner is asked for', () => {
    expect(lambdaContainerOptions({ OTEL_XRAY_LAMBDA_TARGET: 'local' })).toEqual({});
  });
});
