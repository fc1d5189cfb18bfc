// One running order system per test file: its own local X-Ray (so queries and the service graph
// see only this file's traffic) and the four services as real processes, started once in
// beforeAll and stopped in afterAll, where each must exit 0 after SIGTERM.
import { afterAll, beforeAll, expect } from 'vitest';
import { XRayClient } from '@aws-sdk/client-xray';
import {
  chooseFunctionTarget,
  functionDaemonAddress,
  LAMBDA_TARGET_ENV,
  localXRayBind,
  probeDocker,
  startedEmulatorMode,
  startLocalXRay,
  type LocalXRay,
  type TargetChoice,
} from '@otel-xray/testing';
import { startSystem, type RunningSystem } from '@otel-xray-services/kit/system';

/** What a suite uses; fields are set by the time its tests run. */
export interface OrderSystem {
  readonly system: RunningSystem;
  readonly xray: LocalXRay;
  /** X-Ray API client for this file's local X-Ray. */
  readonly client: XRayClient;
  /** Start of this suite (performance.now()). */
  readonly startedAt: number;
}

/**
 * Registers beforeAll/afterAll that start and stop the system for one suite file, and prints
 * the start-up time and the suite's wall time.
 */
export function useOrderSystem(
  suite: string,
  env: Record<string, string> = {},
  options: { notifications?: boolean; lambdaTarget?: TargetChoice } = {},
): OrderSystem {
  const target = options.lambdaTarget ?? LOCAL;
  const state: { system?: RunningSystem; xray?: LocalXRay; client?: XRayClient } = {};
  let startedAt = 0;
  beforeAll(async () => {
    startedAt = performance.now();
    // 127.0.0.1 unless a LocalStack Lambda container must reach it (see localXRayBind)
    state.xray = await startLocalXRay({ port: 0, ...localXRayBind(target.kind) });
    state.client = new XRayClient({
      endpoint: state.xray.endpoint,
      region: process.env.AWS_REGION ?? 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const prefix = `${suite}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    state.system = await startSystem({
      prefix,
      env: {
        AWS_XRAY_DAEMON_ADDRESS: state.xray.udpAddress,
        // the services' log lines go to the same local X-Ray, as OTLP logs
        OTEL_XRAY_LOGS_ENDPOINT: `${state.xray.endpoint}/v1/logs`,
        ...env,
      },
      notifications: options.notifications ?? false,
      notificationsTarget: target.kind,
      functionDaemonAddress: functionDaemonAddress(target.kind, state.xray.udpAddress),
    });
    report(`[${suite}] system up in ${ms(performance.now() - startedAt)} (prefix ${prefix})`);
  });
  afterAll(async () => {
    const exits = await state.system?.stop();
    state.client?.destroy();
    await state.xray?.stop();
    report(`[${suite}] suite wall time ${ms(performance.now() - startedAt)}`);
    if (exits) {
      for (const [name, exit] of Object.entries(exits)) {
        expect(exit, `${name} after SIGTERM`).toEqual({ code: 0, signal: null });
      }
    }
  });
  const get = <K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> => {
    const value = state[key];
    if (value === undefined) throw new Error(`the ${suite} system is not started`);
    return value;
  };
  return {
    get system() {
      return get('system');
    },
    get xray() {
      return get('xray');
    },
    get client() {
      return get('client');
    },
    get startedAt() {
      return startedAt;
    },
  };
}

const LOCAL: TargetChoice = { kind: 'local', reason: 'default' };

/**
 * Where this run's Lambda suites run their function (see chooseFunctionTarget), printed once:
 * `OTEL_XRAY_LAMBDA_TARGET`, else LocalStack's Lambda when the emulator runs in container mode and
 * a Docker engine answers, else the local runner. Throws when `localstack` is asked without Docker.
 */
export async function lambdaTargetOfRun(suite: string): Promise<TargetChoice> {
  const choice = await chooseFunctionTarget(
    process.env[LAMBDA_TARGET_ENV],
    startedEmulatorMode(process.env),
    () => probeDocker(),
  );
  report(`[${suite}] Lambda target: ${choice.kind} (${choice.reason})`);
  return choice;
}

/** Writes a line to the test log (stderr, so it shows in CI output). */
export function report(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Milliseconds as `1234 ms` or `12.3 s`. */
export function ms(value: number): string {
  return value < 10_000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(1)} s`;
}
