// The processes of the service benches (http-service, allocations): the sinks process, the bench
// service in one variant, the load on it, and stopping them.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

const here = import.meta.dirname;

/** The sinks process and the env that points a bench service at it. */
export interface Sinks {
  child: ChildProcess;
  env: Record<string, string>;
}

/** Starts support/sink-process.ts (SQS endpoint, X-Ray daemon, OTLP collector stand-ins). */
export function startSinks(): Promise<Sinks> {
  const child = spawn(
    process.execPath,
    ['--conditions=otel-xray-source', join(here, 'sink-process.ts')],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /SINKS (\{.*\})\n/.exec(output);
      if (!match) return;
      const ports = JSON.parse(match[1]!) as Record<string, number>;
      const env = {
        BENCH_SQS_ENDPOINT: `http://127.0.0.1:${ports['sqs']}`,
        BENCH_OTLP_URL: `http://127.0.0.1:${ports['otlp']}/v1/traces`,
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${ports['udp']}`,
        AWS_REGION: 'us-east-1',
        OTEL_LOG_LEVEL: 'none',
      };
      resolve({ child, env });
    });
    child.once('exit', (code) => reject(new Error(`sinks exited with ${code}`)));
  });
}

/** Stops the sinks process (it exits when its stdin closes). */
export async function stopSinks(sinks: Sinks): Promise<void> {
  sinks.child.stdin?.end();
  await stopProcess(sinks.child);
}

/** Node flags for every service of a bench, from BENCH_NODE_ARGS (space-separated). */
export function benchNodeArgs(): string[] {
  return (process.env['BENCH_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
}

/** Starts support/bench-service.ts in `variant`; `nodeArgs` go before the script (e.g. --import). */
export function startService(
  variant: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--conditions=otel-xray-source', join(here, 'bench-service.ts'), variant],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    // Read until the port, then stop: a service may go on printing (GC traces) for its whole life.
    const untilPort = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (!match) return;
      child.stdout?.off('data', untilPort);
      resolve({ child, port: Number(match[1]) });
    };
    child.stdout?.on('data', untilPort);
    child.once('exit', (code) => reject(new Error(`service ${variant} exited with ${code}`)));
  });
}

/**
 * `connections` clients sending `GET /orders` for `seconds`: as fast as the service answers, or
 * `rate` requests per second in all.
 */
export function load(
  port: number,
  seconds: number,
  connections: number,
  rate?: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}/orders`,
    connections,
    duration: seconds,
    ...(rate === undefined ? {} : { overallRate: rate }),
  });
}

/** The CPU time (µs, user + system) a bench service has used so far (`GET /__cpu`). */
export async function serviceCpu(port: number): Promise<number> {
  return Number(await getText(port, '/__cpu'));
}

/** The body of a GET on the service. */
export async function getText(port: number, path: string): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}${path}`)).text();
}

/** SIGTERM, then SIGKILL after 5 s for a variant that ignores it; resolves once it exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
