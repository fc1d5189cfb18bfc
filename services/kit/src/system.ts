import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  startNotificationsFunction,
  type NotificationsFunction,
} from './notifications-function.ts';
import type { FunctionTargetKind } from '@otel-xray/testing';
import { provision, type Provisioned } from './provision.ts';
import { inheritedEnv } from './service-env.ts';
import {
  startService,
  type LogLine,
  type ServiceExit,
  type ServiceProcess,
} from './service-process.ts';

/** The sample system's services. */
export type ServiceName = 'orders' | 'inventory' | 'shipping' | 'audit';

/** Every service, in start order. */
export const SERVICE_NAMES: readonly ServiceName[] = ['orders', 'inventory', 'shipping', 'audit'];

/** Options of {@link startSystem}. */
export interface StartSystemOptions {
  /** Prefix of the topic and queue names (unique per run, so runs never collide). */
  prefix: string;
  /**
   * Environment for every service on top of the allow-listed part of `process.env` (see
   * `inheritedEnv`: `AWS_REGION`, `AWS_ENDPOINT_URL`, credentials, `OTEL_*`, …; no other
   * variable of this process reaches a service): `AWS_XRAY_DAEMON_ADDRESS`,
   * `OTEL_TRACES_SAMPLER` (default here `parentbased_always_on`), `VISIBILITY_TIMEOUT`, …
   * AWS clients (provisioning and services) use `AWS_ENDPOINT_URL`/`AWS_REGION` from `process.env`.
   */
  env?: Record<string, string | undefined>;
  /** Progress: one call per finished step with its duration. */
  onStep?: (step: string, ms: number) => void;
  /** Every output line of every service. */
  onLine?: (service: string, line: string, stream: 'stdout' | 'stderr') => void;
  /** Give up on a service that is not ready after this long, ms. Default 30 000. */
  readyTimeoutMs?: number;
  /**
   * Also run the `notifications` step as a Lambda function (local Runtime API + SQS
   * event-source mapping on its queue). Off by default: each batch is a trace of its own.
   */
  notifications?: boolean;
  /** Where the notifications function runs (see chooseFunctionTarget). Default `local`. */
  notificationsTarget?: FunctionTargetKind;
  /**
   * `AWS_XRAY_DAEMON_ADDRESS` of the function; default the services' (`env`). A LocalStack Lambda
   * container needs the Docker host gateway's address (see functionDaemonAddress).
   */
  functionDaemonAddress?: string;
}

/** The running system. */
export interface RunningSystem {
  /** Base URL of the orders API (`http://127.0.0.1:<port>`). */
  ordersUrl: string;
  /** Topic, queues and the env the services got. */
  provisioned: Provisioned;
  /** The service processes. */
  services: Record<ServiceName, ServiceProcess>;
  /** The notifications function, when started (`notifications: true`). */
  notifications?: NotificationsFunction;
  /** SIGTERM to every service at once; resolves with each exit. Idempotent. */
  stop(): Promise<Record<ServiceName, ServiceExit>>;
}

const servicesDir = fileURLToPath(new URL('../../', import.meta.url));

const isReady =
  (msg: string) =>
  (line: LogLine): boolean =>
    line.msg === msg;

/**
 * Provisions the topic and queues under `prefix`, then starts orders (until it listens) and
 * inventory, shipping and audit (until they consume), side by side, as real processes traced by
 * `@otel-xray/node`. The one way the demo and the integration suites start the system.
 * @example
 * const system = await startSystem({ prefix: `it-${Date.now()}`, env: { AWS_XRAY_DAEMON_ADDRESS } });
 * await fetch(`${system.ordersUrl}/orders`, { method: 'POST', body: JSON.stringify(order) });
 * await system.stop();
 */
export async function startSystem(options: StartSystemOptions): Promise<RunningSystem> {
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    options.onStep?.(name, performance.now() - started);
    return result;
  };
  const provisioned = await step('provisioned topic, queues, DLQs and subscriptions', () =>
    provision(options.prefix),
  );
  const baseEnv: NodeJS.ProcessEnv = {
    ...inheritedEnv(process.env),
    OTEL_TRACES_SAMPLER: 'parentbased_always_on',
    ...options.env,
    ...provisioned.env,
  };
  const started: Array<{ stop: (timeoutMs?: number) => Promise<unknown> }> = [];
  const launch = (name: ServiceName, ready: string, env: NodeJS.ProcessEnv = {}) =>
    step(`${name} ${ready}`, async () => {
      const service = await startService({
        name,
        cwd: `${servicesDir}${name}`,
        env: { ...baseEnv, OTEL_SERVICE_NAME: name, ...env },
        ready: isReady(ready),
        timeoutMs: options.readyTimeoutMs,
        onLine: options.onLine,
      });
      started.push(service);
      return service;
    });
  try {
    // All four start side by side: orders gets a port chosen up front, so shipping knows its URL.
    // allSettled: when one fails, the others are in `started` (and stopped below) before we throw.
    const port = await freePort();
    const ordersUrl = `http://127.0.0.1:${port}`;
    const lambda = options.notifications
      ? step('notifications function polling its queue', async () => {
          const fn = await startNotificationsFunction({
            queueUrl: provisioned.queues.notifications.url,
            daemonAddress:
              options.functionDaemonAddress ?? baseEnv.AWS_XRAY_DAEMON_ADDRESS ?? '127.0.0.1:2000',
            target: options.notificationsTarget ?? 'local',
            onLine: (line) => options.onLine?.('notifications', line, 'stdout'),
          });
          started.push(fn);
          return fn;
        })
      : Promise.resolve(undefined);
    const all = await Promise.allSettled([
      launch('orders', 'listening', { PORT: String(port) }),
      launch('inventory', 'consuming'),
      launch('shipping', 'consuming', { ORDERS_URL: ordersUrl }),
      launch('audit', 'consuming'),
    ]);
    const notifications = await lambda.catch((error: unknown) => {
      all.push({ status: 'rejected', reason: error });
      return undefined;
    });
    const failed = all.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [orders, inventory, shipping, audit] = all.map(
      (r) => (r as PromiseFulfilledResult<ServiceProcess>).value,
    ) as [ServiceProcess, ServiceProcess, ServiceProcess, ServiceProcess];
    const services = { orders, inventory, shipping, audit };
    let stopping: Promise<Record<ServiceName, ServiceExit>> | undefined;
    return {
      ordersUrl,
      provisioned,
      services,
      ...(notifications !== undefined ? { notifications } : {}),
      stop: () =>
        (stopping ??= (async () => {
          const [exits] = await Promise.all([
            Promise.all(SERVICE_NAMES.map((n) => services[n].stop())),
            notifications?.stop(),
          ]);
          return Object.fromEntries(SERVICE_NAMES.map((n, i) => [n, exits[i]!])) as Record<
            ServiceName,
            ServiceExit
          >;
        })()),
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop(2_000)));
    throw error;
  }
}

export { startService } from './service-process.ts';
export type {
  LogLine,
  ServiceExit,
  ServiceProcess,
  StartServiceOptions,
} from './service-process.ts';
export type { Provisioned } from './provision.ts';

/** A loopback TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
