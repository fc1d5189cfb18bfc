// The bundle both publishable bundles share (scripts/bundle-node.ts, scripts/bundle-lambda.ts): a
// package's built `dist/index.js` and `dist/register.js` into `dist/bundle/`, ES modules with shared
// chunks for Node 22+. Each caller says what stays external and why.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Bundles `packages/<name>`'s two entry points; returns the output directory. */
export async function bundlePackage(
  name: string,
  external: string[],
  banner?: string,
): Promise<string> {
  const dir = join(import.meta.dirname, '..', 'packages', name);
  const outdir = join(dir, 'dist', 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(dir, 'dist', 'index.js'), join(dir, 'dist', 'register.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external,
    ...(banner === undefined ? {} : { banner: { js: banner } }),
    legalComments: 'inline',
    logLevel: 'warning',
  });
  return outdir;
}
