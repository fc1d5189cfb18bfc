// Container mode: LocalStack through testcontainers. testcontainers and @testcontainers/localstack
// are optional peer dependencies: the runtime (container-runtime.ts) loads only in this mode, and a
// missing package is an error that names the install command.
import type { ContainerModeOptions } from './container-plan.ts';
import type { StartedEmulator } from './types.ts';

/** Starts LocalStack in a container (testcontainers) and returns its mapped endpoint. */
export async function startContainerLocalStack(
  options: ContainerModeOptions & { region?: string } = {},
): Promise<StartedEmulator> {
  const runtime = await import('./container-runtime.ts');
  try {
    return await runtime.runContainerLocalStack(options);
  } catch (error) {
    throw missingPackageError(error) ?? error;
  }
}

/** A clearer error when testcontainers is not installed; undefined for any other error. */
export function missingPackageError(error: unknown): Error | undefined {
  const message = error instanceof Error ? error.message : '';
  const missing =
    /Cannot find (?:package|module) '((?:@testcontainers\/localstack|testcontainers))'/.exec(
      message,
    )?.[1];
  if (missing === undefined) return undefined;
  return new Error(
    `container mode needs ${missing}, an optional peer dependency of @otel-xray/testing: ` +
      'npm install --save-dev testcontainers @testcontainers/localstack ' +
      "(or use mode 'host' or 'external')",
    { cause: error },
  );
}
