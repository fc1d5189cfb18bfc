// What `npm install @otel-xray/node` costs a service: node_modules size and package count in a
// fresh directory, our other packages taken from their tarballs as the registry would serve them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';
import type { Toolchain } from './toolchain.ts';

/** Size of one package's install. */
export interface InstallSize {
  packages: number;
  megabytes: number;
  warnings: string;
}

/** Installs the tarball of `name` alone into `dir` with npm and measures node_modules. */
export async function installSize(
  tools: Toolchain,
  dir: string,
  name: string,
  tarballs: Map<string, string>,
): Promise<InstallSize> {
  mkdirSync(dir, { recursive: true });
  const overrides = Object.fromEntries(
    [...tarballs].filter(([n]) => n !== name).map(([n, path]) => [n, `file:${path}`]),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'size', private: true, type: 'module', overrides }),
  );
  const install = await runCommand(
    tools.npm,
    ['install', '--no-audit', '--no-fund', tarballs.get(name) ?? name],
    { cwd: dir, env: tools.env, timeoutMs: 120_000 },
  );
  if (install.code !== 0) throw new Error(`npm install ${name} failed:\n${install.stderr}`);
  const du = await runCommand('du', ['-sk', 'node_modules'], { cwd: dir });
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return {
    packages: Object.keys(lock.packages).filter((k) => k !== '').length,
    megabytes: Number.parseInt(du.stdout, 10) / 1024,
    warnings: install.stderr.trim(),
  };
}
