// Finds and starts the real Node runtime interface client (npm `aws-lambda-ric`) in a child
// process: the same code that runs a Node function inside Lambda, talking to our Runtime API.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How to install the runtime client, for the error when it is missing. */
export const RIC_INSTALL_HINT =
  'install it with `pnpm add -D aws-lambda-ric` (or npm i -D aws-lambda-ric); it compiles a native ' +
  'part at install and needs autoconf, automake and libtool (Debian: apt-get install -y autoconf ' +
  'automake libtool) and, with pnpm 10, `onlyBuiltDependencies: [aws-lambda-ric]`';

/** The runtime client's entry script, looked up from `from` (dirs), or an error naming the fix. */
export function findRuntimeClient(
  from: readonly string[] = [process.cwd(), dirname(new URL(import.meta.url).pathname)],
): string {
  for (const dir of from) {
    try {
      const require = createRequire(pathToFileURL(join(dir, 'noop.js')));
      const manifest = require.resolve('aws-lambda-ric/package.json');
      return join(dirname(manifest), 'index.mjs');
    } catch {
      // not reachable from this directory; try the next one
    }
  }
  throw new Error(`aws-lambda-ric is not installed: ${RIC_INSTALL_HINT}`);
}

/** Starts `node [nodeArgs] <ric>` in `cwd` with exactly `env`; output is piped. */
export function spawnRuntimeClient(
  ric: string,
  nodeArgs: readonly string[],
  cwd: string,
  env: Record<string, string>,
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, ric], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
