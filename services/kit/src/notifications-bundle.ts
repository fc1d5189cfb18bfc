// The notifications function as Lambda's own runtime loads it (LocalStack's Lambda, container
// mode): one ES module, `index.mjs`, bundled from the TypeScript handler with our packages and the
// OpenTelemetry SDK in it, zipped. The function in services/notifications is TypeScript importing
// workspace packages, which a Lambda container has neither the type stripping nor the
// node_modules for. Everything is bundled, the AWS SDK clients our packages import included: an ES
// module in /var/task cannot count on resolving the runtime's own copy.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipFiles } from '@otel-xray/testing';

const entry = fileURLToPath(new URL('../../notifications/src/handler.ts', import.meta.url));

/** `index.mjs`: the handler bundled into one self-contained ES module (exports `handler`). */
export async function bundleNotificationsHandler(): Promise<Buffer> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    conditions: ['otel-xray-source'],
    // CommonJS dependencies call require(); an ES module has none of its own
    banner: {
      js: "import { createRequire as __otelXrayCreateRequire } from 'node:module'; const require = __otelXrayCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('bundling the notifications handler produced no output');
  return Buffer.from(file.contents);
}

/** The deployment package LocalStack's Lambda runs (`_HANDLER=index.handler`). */
export async function notificationsZip(): Promise<Buffer> {
  return zipFiles([{ path: 'index.mjs', data: await bundleNotificationsHandler() }]);
}
