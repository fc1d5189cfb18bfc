// Bundles @otel-xray/lambda's built output (dist/index.js, dist/register.js) with the OpenTelemetry
// SDK pieces and our packages it uses into dist/bundle/, two entry points sharing their chunks: a
// Lambda cold start pays for every module file it loads (≈ 100 small ES modules otherwise).
// @opentelemetry/api is bundled too: its ES build is ~50 files, loading them cost more than the rest
// of the bundle (measured: +96 ms for the api alone vs +82 ms for this whole bundle on the same busy
// machine), and copies of the api share their globals (tracer provider, context manager,
// propagator, diag) through a versioned global symbol, so the function's own copy still sees ours.
// Kept external: what the exporter's api/otlp transports load lazily (AWS SDK, Smithy), which a
// function sending to the daemon never loads.
// Run after `tsc -b tsconfig.build.json`; `pnpm build` does both.
import { bundlePackage } from './bundle-package.ts';

const outdir = await bundlePackage('lambda', ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*']);
process.stdout.write(`bundled @otel-xray/lambda into ${outdir}\n`);
