// Bundles @otel-xray/lambda's built output (dist/index.js, dist/register.js) with the OpenTelemetry
// SDK pieces and our packages it uses into dist/bundle/, two entry points sharing their chunks: a
// Lambda cold start pays for every module file it loads (≈ 100 small ES modules otherwise).
// Kept external: @opentelemetry/api (the function's own copy must be the shared one) and what the
// exporter's api/otlp transports load lazily (AWS SDK, Smithy), which a daemon-UDP function never loads.
// Run after `tsc -b tsconfig.build.json`; `pnpm build` does both.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const lambda = join(import.meta.dirname, '..', 'packages', 'lambda');
const outdir = join(lambda, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(lambda, 'dist', 'index.js'), join(lambda, 'dist', 'register.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['@opentelemetry/api', '@aws-sdk/*', '@smithy/*', '@aws-crypto/*'],
  legalComments: 'inline',
  logLevel: 'warning',
});
process.stdout.write(`bundled @otel-xray/lambda into ${outdir}\n`);
