/* global process, console */
// Regenerates test/fixtures/v8-stacks.json: copies this folder to a path with a space, a non-ASCII
// letter and parentheses (so that file URLs carry percent-escapes), runs capture.mjs there under each
// Node given, and writes what they printed.
//   node packages/core/test/support/v8-stacks/generate.mjs <node binary>...
// e.g. with `npm i --prefix /tmp/node22 node@22`: generate.mjs /tmp/node22/node_modules/node/bin/node node
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const binaries = process.argv.slice(2);
if (binaries.length === 0) {
  console.error('usage: generate.mjs <node binary>...');
  process.exit(2);
}
const base = join(tmpdir(), 'otel-xray-v8-stacks');
const root = join(base, 'srv app ü (1)');
rmSync(base, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
cpSync(here, root, { recursive: true });
const runs = binaries.map((binary) =>
  JSON.parse(execFileSync(binary, ['capture.mjs'], { cwd: root, encoding: 'utf8' })),
);
rmSync(base, { recursive: true, force: true });
const fixture = {
  about:
    'error.stack (or util.inspect) texts written by real Node runs of test/support/v8-stacks/*, ' +
    'with the frame expected for each line (null: not a frame), derived from V8 call sites; ' +
    'regenerate with test/support/v8-stacks/generate.mjs',
  runs,
};
const out = join(here, '..', '..', 'fixtures', 'v8-stacks.json');
writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
for (const run of runs) console.log(`${run.node}: ${run.cases.length} stacks`);
console.log(`wrote ${out}`);
