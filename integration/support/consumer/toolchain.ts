// The tools the consumer test drives: the project's Node 24 (this process's), its pnpm, the npm
// found next to it or on PATH (README: Node ≥ 18 with npm is all a machine needs), and the
// repository's TypeScript (a consumer would pin the same).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Absolute paths and the environment every child process gets. */
export interface Toolchain {
  root: string;
  node: string;
  /** `npm` next to node, else the one on PATH (run through PATH, node first). */
  npm: string;
  pnpm: string;
  /** TypeScript's `tsc` script, run with {@link node}. */
  tsc: string;
  /** This process's environment without what the workspace's scripts and vitest add, node first on PATH. */
  env: NodeJS.ProcessEnv;
}

/** Finds the tools from the repository root. */
export function findToolchain(root: string): Toolchain {
  const node = process.execPath;
  const nodeBin = dirname(node);
  const npmNextToNode = join(nodeBin, 'npm');
  const pnpm = join(root, '.tools/node_modules/.bin/pnpm');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [nodeBin, join(root, '.tools/node_modules/.bin'), process.env.PATH ?? ''].join(delimiter),
  };
  // the consumer projects are other repositories: no npm/pnpm script or vitest state leaks in
  // (the machine's registry, cache and proxy settings stay: they are not the workspace's)
  const leaked =
    /^(npm_|pnpm_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/;
  const machine =
    /^(npm|pnpm)_config_(registry|cache|store_dir|https?_proxy|proxy|no_?proxy|cafile|ca|strict_ssl|userconfig)$/i;
  for (const key of Object.keys(env)) {
    if (leaked.test(key) && !machine.test(key)) delete env[key];
  }
  return {
    root,
    node,
    npm: existsSync(npmNextToNode) ? npmNextToNode : 'npm',
    pnpm: existsSync(pnpm) ? pnpm : 'pnpm',
    tsc: join(root, 'node_modules/typescript/bin/tsc'),
    env,
  };
}
