// Vitest global setup of the integration project: one LocalStack per run (host mode here;
// AWS_ENDPOINT_URL set → that endpoint is used as is), handed to tests through env and inject().
import type { TestProject } from 'vitest/node';
import { startHostLocalStack, type StartedEmulator } from '../packages/testing/src/index.ts'; // relative: vitest's globalSetup loader ignores the 'source' condition

declare module 'vitest' {
  export interface ProvidedContext {
    awsEndpoint: string;
    awsRegion: string;
  }
}

let emulator: StartedEmulator | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.AWS_ENDPOINT_URL;
  let endpoint: string;
  let region = process.env.AWS_REGION ?? 'us-east-1';
  if (external) {
    endpoint = external;
    process.stderr.write(`[emulator] using AWS_ENDPOINT_URL=${external}\n`);
  } else {
    emulator = await startHostLocalStack();
    endpoint = emulator.endpoint;
    region = emulator.region;
  }
  process.env.AWS_ENDPOINT_URL = endpoint;
  process.env.AWS_REGION = region;
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  project.provide('awsEndpoint', endpoint);
  project.provide('awsRegion', region);
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}
