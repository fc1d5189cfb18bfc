import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler } from '../src/index.ts';
import { redirectHandler } from '../src/handler-redirect.ts';
import { startFakeDaemon } from './support/daemon.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const wrapperUrl = new URL('../handler.mjs', import.meta.url);
let taskRoot: string;

beforeAll(() => {
  taskRoot = mkdtempSync(join(tmpdir(), 'otel-xray-lambda-'));
  writeFileSync(
    join(taskRoot, 'index.mjs'),
    'export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n',
  );
  mkdirSync(join(taskRoot, 'lib'));
  writeFileSync(
    join(taskRoot, 'lib', 'jobs.cjs'),
    'module.exports = { jobs: { nightly: async () => "ran" } };\n',
  );
  writeFileSync(
    join(taskRoot, 'dflt.mjs'),
    'export default { handler: async () => "from default" };\n',
  );
  // What the runtime client does, reduced: load `_HANDLER` as `<dir>/<module>.mjs` and call it.
  writeFileSync(
    join(taskRoot, 'fake-runtime.mjs'),
    [
      "import { pathToFileURL } from 'node:url';",
      'const h = process.env._HANDLER;',
      "const dot = h.indexOf('.', h.lastIndexOf('/'));",
      "const mod = await import(pathToFileURL(h.slice(0, dot) + '.mjs').href);",
      'const ctx = { awsRequestId: "r-1", invokedFunctionArn: "arn:aws:lambda:us-east-1:1:function:f" };',
      'console.log(JSON.stringify({ handler: h, result: await mod.handler({ n: 1 }, ctx) }));',
    ].join('\n'),
  );
});
afterAll(() => rmSync(taskRoot, { recursive: true, force: true }));

describe('redirectHandler', () => {
  it('points _HANDLER at the wrapper module and keeps the original', () => {
    const env: NodeJS.ProcessEnv = { _HANDLER: 'src/index.handler' };
    expect(redirectHandler(env, wrapperUrl)).toBe(true);
    expect(env.OTEL_XRAY_LAMBDA_HANDLER).toBe('src/index.handler');
    expect(env._HANDLER).toBe(`${join(packageRoot, 'handler')}.handler`);
  });

  it('does nothing twice, nor without _HANDLER', () => {
    const env: NodeJS.ProcessEnv = { _HANDLER: 'index.handler' };
    redirectHandler(env, wrapperUrl);
    expect(redirectHandler(env, wrapperUrl)).toBe(false);
    expect(env.OTEL_XRAY_LAMBDA_HANDLER).toBe('index.handler');
    expect(redirectHandler({}, wrapperUrl)).toBe(false);
  });
});

describe('loadHandler', () => {
  it('loads <module>.<export> as the runtime client does', async () => {
    const handler = (await loadHandler('index.handler', taskRoot)) as (
      e: unknown,
    ) => Promise<unknown>;
    await expect(handler({ a: 1 })).resolves.toEqual({ statusCode: 200, body: '{"a":1}' });
  });

  it('follows a directory, an extension and a nested export path', async () => {
    const handler = (await loadHandler(
      'lib/jobs.jobs.nightly',
      taskRoot,
    )) as () => Promise<unknown>;
    await expect(handler()).resolves.toBe('ran');
  });

  it("falls back to the module's default export", async () => {
    const handler = (await loadHandler('dflt.handler', taskRoot)) as () => Promise<unknown>;
    await expect(handler()).resolves.toBe('from default');
  });

  it('rejects with a clear error for a missing export or a bad string', async () => {
    await expect(loadHandler('index.nothing', taskRoot)).rejects.toThrow(
      'index.nothing is undefined or not a function',
    );
    await expect(loadHandler('noexport', taskRoot)).rejects.toThrow('bad handler "noexport"');
  });
});

const HEADER = 'Root=1-6b15d809-13f9da93a5995fb0987e59de;Parent=53995c3f42cd8ad8;Sampled=1';

/** Runs `command` in the task root as Lambda would start the runtime; the timeout only guards a hang. */
function runFunction(command: string[], daemonAddress: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    execFile(
      command[0]!,
      command.slice(1),
      {
        cwd: taskRoot,
        timeout: 20_000,
        env: {
          PATH: process.env.PATH,
          LAMBDA_TASK_ROOT: taskRoot,
          _HANDLER: 'index.handler',
          _X_AMZN_TRACE_ID: HEADER,
          AWS_XRAY_DAEMON_ADDRESS: daemonAddress,
          AWS_LAMBDA_FUNCTION_NAME: 'f',
        },
      },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    );
  });
}

describe.each([
  [
    'NODE_OPTIONS=--import @otel-xray/lambda/register',
    [
      process.execPath,
      '--conditions=otel-xray-source',
      '--import',
      join(packageRoot, 'src/register.ts'),
    ],
  ],
  [
    'AWS_LAMBDA_EXEC_WRAPPER=…/bin/otel-xray-lambda-wrapper',
    [join(packageRoot, 'bin/otel-xray-lambda-wrapper'), process.execPath],
  ],
])('%s', (_name, prefix) => {
  it('traces the unchanged handler, sends to the daemon, and the process exits by itself', async () => {
    const daemon = await startFakeDaemon();
    try {
      // A process kept alive by a timer or socket would hit the timeout and fail here.
      const stdout = await runFunction([...prefix, 'fake-runtime.mjs'], daemon.address);
      const printed = JSON.parse(stdout) as { handler: string; result: unknown };
      expect(printed.handler).toBe(`${join(packageRoot, 'handler')}.handler`);
      expect(printed.result).toEqual({ statusCode: 200, body: '{"n":1}' });
      const [doc] = await daemon.waitFor(1);
      expect(doc).toMatchObject({
        name: '## index.handler',
        type: 'subsegment',
        parent_id: '53995c3f42cd8ad8',
      });
    } finally {
      await daemon.close();
    }
  });
});
