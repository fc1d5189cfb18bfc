// Bundles @otel-xray/node's built output (dist/index.js, dist/register.js) with the OpenTelemetry SDK
// and instrumentations it wires into dist/bundle/, two entry points sharing their chunks. Start-up is
// mostly module loading: ≈ 300 small ES modules cost more than the code in them, and the bundle
// loads in a few files. Kept external: @opentelemetry/api (the app's own copy is the one that must
// be shared), import-in-the-middle and require-in-the-middle (their loader hooks locate their own
// files), forwarded-parse, and everything the api/otlp transports load lazily (AWS SDK, Smithy);
// each is a dependency of @otel-xray/node so it resolves from dist/bundle/ under pnpm too.
// Run after `tsc -b tsconfig.build.json`; `pnpm build` does both.
import { bundlePackage } from './bundle-package.ts';

const outdir = await bundlePackage(
  'node',
  [
    '@opentelemetry/api',
    'import-in-the-middle',
    'import-in-the-middle/*',
    'require-in-the-middle',
    // instrumentation-http's ES build require()s it through createRequire, out of a bundler's sight
    'forwarded-parse',
    '@aws-sdk/*',
    '@smithy/*',
    '@aws-crypto/*',
  ],
  // CommonJS parts of the bundle (forwarded-parse, …) call require(): give them Node's.
  "import { createRequire as __otelXrayCreateRequire } from 'node:module'; const require = __otelXrayCreateRequire(import.meta.url);",
);
process.stdout.write(`bundled @otel-xray/node into ${outdir}\n`);
