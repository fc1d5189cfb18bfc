// The traced-call matrix: an ESM app started with `--import @otel-xray/node/register` (in the
// default lean mode, and with OTEL_XRAY_INSTRUMENTATION=otel, whose OpenTelemetry instrumentations
// load from the installed package's dependencies), one that calls startTracing() from code and then
// imports the app, and a CommonJS one that requires @otel-xray/node and calls startTracing() — each
// calling a second traced service with node:http and with fetch; the trace is read back from the
// project's local X-Ray with the installed @otel-xray/testing.
import { join } from 'node:path';
import { runCommand, startService } from './run-command.ts';
import type { ProjectXRay } from './run-examples.ts';
import type { Toolchain } from './toolchain.ts';

export type StartMode = 'register' | 'register (otel)' | 'from code' | 'from code (CommonJS)';
export type CallKind = 'http' | 'fetch';

/** One cell of the matrix. */
export interface TracedCall {
  mode: StartMode;
  call: CallKind;
  /** The downstream segment's parent is a subsegment of the caller in the same trace. */
  traced: boolean;
  /** What the downstream service received, and the trace as read back (or why not). */
  detail: string;
}

const READY = /^(http:\/\/\S+)$/m;

/** Runs the four calls in `<project>/esm` (the fixtures are copied there by the test). */
export async function tracedCallMatrix(
  tools: Toolchain,
  projectDir: string,
  xray: ProjectXRay,
  env: NodeJS.ProcessEnv,
): Promise<TracedCall[]> {
  const cwd = join(projectDir, 'esm');
  const register = ['--import', '@otel-xray/node/register'];
  const downstream = await startService(tools.node, [...register, 'downstream.mjs'], {
    cwd,
    env: { ...env, OTEL_SERVICE_NAME: 'downstream' },
    ready: READY,
  });
  const cells: TracedCall[] = [];
  try {
    // How each mode starts the app: its command line and the env that names the service.
    const starts: Array<[StartMode, string, string[], NodeJS.ProcessEnv]> = [
      ['register', 'app-register', [...register, 'app.mjs'], {}],
      [
        'register (otel)',
        'app-otel',
        [...register, 'app.mjs'],
        { OTEL_XRAY_INSTRUMENTATION: 'otel' },
      ],
      ['from code', 'app-from-code', ['from-code.mjs'], {}],
      ['from code (CommonJS)', 'app-from-cjs', ['from-code.cjs'], {}],
    ];
    for (const [mode, service, args, modeEnv] of starts) {
      const named = mode.startsWith('from code')
        ? { APP_SERVICE_NAME: service }
        : { OTEL_SERVICE_NAME: service };
      const app = await startService(tools.node, args, {
        cwd,
        env: { ...env, DOWNSTREAM_URL: downstream.url, ...named, ...modeEnv },
        ready: READY,
      });
      try {
        for (const call of ['http', 'fetch'] as const) {
          cells.push(await tracedCall(tools, cwd, xray, env, app.url, service, mode, call));
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await downstream.stop();
  }
  return cells;
}

async function tracedCall(
  tools: Toolchain,
  cwd: string,
  xray: ProjectXRay,
  env: NodeJS.ProcessEnv,
  appUrl: string,
  service: string,
  mode: StartMode,
  call: CallKind,
): Promise<TracedCall> {
  const res = await fetch(`${appUrl}/via-${call}`);
  const answer = (await res.json()) as {
    traceId: string;
    scope: string;
    downstream: Record<string, unknown>;
  };
  const saw = `downstream saw ${JSON.stringify(answer.downstream)}`;
  if (!answer.traceId)
    return { mode, call, traced: false, detail: `no server span in the app; ${saw}` };
  // The server span comes from the instrumentation the mode names (otel mode falls back to lean,
  // with a diag error, when its packages cannot be loaded).
  const expected =
    mode === 'register (otel)' ? '@opentelemetry/instrumentation-http' : '@otel-xray/node';
  if (answer.scope !== expected)
    return { mode, call, traced: false, detail: `server span by ${answer.scope}, not ${expected}` };
  const read = await runCommand(
    tools.node,
    ['read-trace.mjs', answer.traceId, xray.endpoint, service, 'downstream'],
    { cwd, env, timeoutMs: 20_000 },
  );
  if (read.code !== 0)
    return { mode, call, traced: false, detail: `${saw}; ${read.stderr.trim()}` };
  const trace = JSON.parse(read.stdout) as {
    segments: Array<{
      service: string;
      parent?: { kind: string; service: string; namespace?: string };
    }>;
    print: string;
  };
  const callee = trace.segments.find((s) => s.service === 'downstream');
  const traced = callee?.parent?.kind === 'subsegment' && callee.parent.service === service;
  return { mode, call, traced, detail: `${saw}\n${trace.print}` };
}
