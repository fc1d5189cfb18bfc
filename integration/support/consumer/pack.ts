// Build (`tsc -b tsconfig.build.json` + the node bundle), `pnpm pack` every package, and check each tarball the way
// publint would where it matters to a consumer: what its manifest points at is in the tarball.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';
import type { Toolchain } from './toolchain.ts';

/** A packed package. */
export interface Tarball {
  name: string;
  /** Workspace directory (`packages/node`). */
  dir: string;
  /** Absolute path of the `.tgz`. */
  path: string;
  /** Paths inside the tarball, without the leading `package/`. */
  files: Set<string>;
  manifest: Manifest;
}

/** The parts of a published package.json the checks read. */
export interface Manifest {
  name: string;
  exports?: Record<string, unknown>;
  types?: string;
  main?: string;
  bin?: Record<string, string> | string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  license?: string;
  repository?: unknown;
  homepage?: string;
  bugs?: unknown;
}

/** Builds the packages and packs each into `outDir`. */
export async function buildAndPack(tools: Toolchain, outDir: string): Promise<Tarball[]> {
  // what `pnpm build` runs: tsc, then the @otel-xray/node and @otel-xray/lambda bundles
  for (const step of [
    [tools.tsc, '-b', 'tsconfig.build.json'],
    [join(tools.root, 'scripts', 'bundle-node.ts')],
    [join(tools.root, 'scripts', 'bundle-lambda.ts')],
  ]) {
    const build = await runCommand(tools.node, step, { cwd: tools.root, timeoutMs: 120_000 });
    if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  const dirs = readdirSync(join(tools.root, 'packages')).map((d) => join('packages', d));
  // one pack at a time: pnpm pack runs quickly, and parallel packs fight over the 2 cores
  const tarballs: Tarball[] = [];
  for (const dir of dirs) {
    const packed = await runCommand(tools.pnpm, ['pack', '--pack-destination', outDir], {
      cwd: join(tools.root, dir),
      timeoutMs: 60_000,
    });
    if (packed.code !== 0) throw new Error(`pnpm pack in ${dir} failed:\n${packed.stderr}`);
    const path = packed.stdout.trim().split('\n').at(-1) ?? '';
    const listing = await runCommand('tar', ['-tzf', path], { cwd: outDir });
    const files = new Set(listing.stdout.split('\n').filter(Boolean).map(stripPrefix));
    const manifestText = await runCommand('tar', ['-xzOf', path, 'package/package.json'], {
      cwd: outDir,
    });
    const manifest = JSON.parse(manifestText.stdout) as Manifest;
    tarballs.push({ name: manifest.name, dir, path, files, manifest });
  }
  return tarballs;
}

function stripPrefix(entry: string): string {
  return entry.replace(/^package\//, '');
}

/** Problems a consumer would hit with this tarball (empty when none). */
export function tarballProblems(tarball: Tarball, ourNames: Set<string>): string[] {
  const problems: string[] = [];
  const { files, manifest } = tarball;
  for (const required of ['LICENSE', 'README.md', 'package.json']) {
    if (!files.has(required)) problems.push(`no ${required}`);
  }
  if (![...files].some((f) => f.startsWith('dist/'))) problems.push('no dist/');
  for (const field of ['license', 'repository', 'homepage', 'bugs'] as const) {
    if (manifest[field] === undefined) problems.push(`no "${field}" in package.json`);
  }
  const targets: Array<[string, string]> = [];
  if (manifest.types) targets.push(['types', manifest.types]);
  if (manifest.main) targets.push(['main', manifest.main]);
  if (typeof manifest.bin === 'string') targets.push(['bin', manifest.bin]);
  else for (const [k, v] of Object.entries(manifest.bin ?? {})) targets.push([`bin.${k}`, v]);
  if (manifest.exports === undefined) problems.push('no "exports"');
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    if (typeof conditions === 'string') {
      targets.push([`exports["${subpath}"]`, conditions]);
      continue;
    }
    const keys = Object.keys(conditions as Record<string, unknown>);
    for (const [condition, target] of Object.entries(conditions as Record<string, unknown>)) {
      if (typeof target !== 'string') {
        problems.push(
          `exports["${subpath}"].${condition} is not a path (nested conditions unchecked)`,
        );
        continue;
      }
      targets.push([`exports["${subpath}"].${condition}`, target]);
    }
    // TypeScript takes the first matching condition: `types` must come before `default`
    if (keys.includes('default') && keys.indexOf('default') !== keys.length - 1)
      problems.push(`exports["${subpath}"]: "default" is not the last condition`);
    if (!keys.includes('types')) problems.push(`exports["${subpath}"]: no "types" condition`);
    if (keys.includes('source'))
      problems.push(
        `exports["${subpath}"]: the common "source" condition leads consumers into src/`,
      );
  }
  for (const [where, target] of targets) {
    const path = target.replace(/^\.\//, '');
    if (!files.has(path)) problems.push(`${where} → ${target} is not in the tarball`);
  }
  for (const field of ['dependencies', 'peerDependencies'] as const) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) problems.push(`${field}.${dep} is "${range}"`);
      if (ourNames.has(dep) && field === 'peerDependencies')
        problems.push(`${field}.${dep}: a peer on our own package`);
    }
  }
  return problems;
}
