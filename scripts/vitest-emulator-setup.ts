// Vitest global setup of the integration project: one LocalStack per run (host mode here;
// AWS_ENDPOINT_URL set → that endpoint is used as is; OTEL_XRAY_EMULATOR_MODE overrides) and one
// local X-Ray, handed to tests through env (AWS_ENDPOINT_URL, AWS_REGION, AWS_XRAY_DAEMON_ADDRESS,
// AWS_ENDPOINT_URL_XRAY) and inject('awsEndpoint' | 'awsRegion' | 'xrayEndpoint' | 'xrayDaemonAddress').
// Relative imports of modules that import no workspace package by name: vitest's globalSetup loader
// ignores the 'otel-xray-source' condition, so the local X-Ray runs as a child process (node --conditions=otel-xray-source).
import { createGlobalSetup } from '../packages/testing/src/setup/global-setup.ts';
import { lambdaContainerOptions } from '../packages/testing/src/lambda/target/lambda-container-options.ts';

const envMode = process.env.OTEL_XRAY_EMULATOR_MODE;
const mode =
  envMode === 'auto' || envMode === 'external' || envMode === 'container' || envMode === 'host'
    ? envMode
    : process.env.AWS_ENDPOINT_URL
      ? 'external'
      : 'host';

export const { setup, teardown } = createGlobalSetup({
  // in container mode, LocalStack's own Lambda is ready for the Lambda suites (see chooseFunctionTarget)
  emulator: { mode, container: lambdaContainerOptions(process.env) },
  xray: 'process',
});
