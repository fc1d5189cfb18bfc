// Runs the examples of one consumer project with node, with the environment a user of these
// packages has: LocalStack behind AWS_ENDPOINT_URL, and a local X-Ray started from the project's
// own `otel-xray-local` bin.
import { join } from 'node:path';
import type { Example } from './examples.ts';
import { runCommand, startService, type RunningService } from './run-command.ts';
import type { Toolchain } from './toolchain.ts';

/** The local X-Ray a project's examples send to. */
export interface ProjectXRay {
  endpoint: string;
  daemonAddress: string;
  service: RunningService;
}

/** Starts `node_modules/.bin/otel-xray-local --port 0` of the project. */
export async function startProjectXRay(tools: Toolchain, projectDir: string): Promise<ProjectXRay> {
  const service = await startService(
    join(projectDir, 'node_modules/.bin/otel-xray-local'),
    ['--port', '0'],
    {
      cwd: projectDir,
      env: tools.env,
      ready: /AWS_ENDPOINT_URL_XRAY=(\S+)/,
      timeoutMs: 20_000,
    },
  );
  const daemonAddress = /AWS_XRAY_DAEMON_ADDRESS=(\S+)/.exec(service.output())?.[1];
  if (!daemonAddress)
    throw new Error(`otel-xray-local printed no daemon address:\n${service.output()}`);
  return { endpoint: service.url, daemonAddress, service };
}

/** Documents the local X-Ray has accepted so far. */
export async function documentsAccepted(xray: ProjectXRay): Promise<number> {
  const res = await fetch(`${xray.endpoint}/_local/stats`);
  const stats = (await res.json()) as { documentsAccepted?: number };
  return stats.documentsAccepted ?? 0;
}

/** What a user's shell has: the emulator, the region, test credentials and the local X-Ray. */
export function userEnv(tools: Toolchain, xray: ProjectXRay, region: string): NodeJS.ProcessEnv {
  return {
    ...tools.env,
    AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_XRAY_DAEMON_ADDRESS: xray.daemonAddress,
    AWS_ENDPOINT_URL_XRAY: xray.endpoint,
    // the root README's development setting: keep every trace
    OTEL_TRACES_SAMPLER: 'always_on',
  };
}

/** The same without any AWS credentials in reach (env, shared files, instance metadata). */
export function withoutAwsCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const key of Object.keys(out)) {
    if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|CONTAINER_)/.test(key))
      delete out[key];
  }
  return {
    ...out,
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** The outcome of one example. */
export interface ExampleRun {
  id: string;
  readme: string;
  ms: number;
  /** Empty when it passed. */
  problems: string[];
  output: string;
}

/** Runs one node example in its directory; checks exit code, `prints` and `traces`. */
export async function runExample(
  tools: Toolchain,
  projectDir: string,
  example: Example,
  env: NodeJS.ProcessEnv,
  xray: ProjectXRay,
): Promise<ExampleRun> {
  const { directive } = example;
  const before = directive.traces ? await documentsAccepted(xray) : 0;
  const result = await runCommand(tools.node, [...directive.nodeArgs, example.entry], {
    cwd: join(projectDir, 'examples', example.id),
    env: directive.withoutAwsCredentials ? withoutAwsCredentials(env) : env,
    timeoutMs: 30_000,
  });
  const problems: string[] = [];
  if (result.timedOut) problems.push('still running after 30 s');
  else if (result.code !== 0) problems.push(`exit code ${result.code}`);
  if (directive.prints && !directive.prints.test(result.stdout))
    problems.push(`stdout does not match ${directive.prints}`);
  if (directive.traces) {
    // UDP: the documents may still be on their way into the store
    let after = await documentsAccepted(xray);
    for (let i = 0; i < 50 && after <= before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await documentsAccepted(xray);
    }
    if (after <= before) problems.push('the local X-Ray received no documents');
  }
  return {
    id: example.id,
    readme: example.readme,
    ms: result.ms,
    problems,
    output: `${result.stdout}${result.stderr}`.trim(),
  };
}
