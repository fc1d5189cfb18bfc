// One run of an equivalence fixture app as a real process: `--import @otel-xray/node/register` in
// the given instrumentation mode, sending its X-Ray segment documents to a UDP socket of the test.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const packageDir = join(import.meta.dirname, '../../..');

/** A segment document, or any JSON object. */
export type Doc = Record<string, unknown>;

/** A running fixture: the documents received so far, and how to stop it. */
export interface FixtureRun {
  readonly docs: Doc[];
  /** Waits `settleMillis` for the last documents, then SIGTERM, the exit, and closes the socket. */
  stop(settleMillis: number): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Starts `app` (a path under the node package) with OTEL_XRAY_INSTRUMENTATION=`mode`, always-on
 * sampling and `env`, and resolves once it printed `READY` (or after `readyMillis`).
 */
export async function startFixture(
  app: string,
  mode: 'lean' | 'otel',
  env: Record<string, string>,
  readyMillis = 10_000,
): Promise<FixtureRun> {
  const udp = createSocket('udp4');
  const docs: Doc[] = [];
  udp.on('message', (msg) => {
    const text = msg.toString('utf8');
    docs.push(JSON.parse(text.slice(text.indexOf('\n') + 1)) as Doc);
  });
  udp.bind(0, '127.0.0.1');
  await once(udp, 'listening');
  const child = spawn(
    process.execPath,
    ['--conditions=otel-xray-source', '--import', '@otel-xray/node/register', app],
    {
      cwd: packageDir,
      env: {
        ...process.env,
        OTEL_XRAY_INSTRUMENTATION: mode,
        OTEL_TRACES_SAMPLER: 'always_on',
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udp.address().port}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  for (let waited = 0; waited < readyMillis && !out.includes('READY'); waited += 25)
    await new Promise((r) => setTimeout(r, 25));
  return {
    docs,
    async stop(settleMillis) {
      await new Promise((r) => setTimeout(r, settleMillis));
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      udp.close();
    },
  };
}
