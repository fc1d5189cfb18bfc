// `pnpm bench`: runs every packages/*/bench/*.bench.ts in turn (each prints its side-by-side ratios).
// Pass names to filter: pnpm bench ids header
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const filters = process.argv.slice(2);
const files: string[] = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (
      f.endsWith('.bench.ts') &&
      (filters.length === 0 || filters.some((x) => f.includes(x) || pkg.includes(x)))
    ) {
      files.push(join(dir, f));
    }
  }
}
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file.slice(root.length + 1)} ===\n`);
  const r = spawnSync(process.execPath, ['--conditions=otel-xray-source', '--expose-gc', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.stdout.write(`\n${files.length - failed} benchmarks ran, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
