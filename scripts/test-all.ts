// `npm test`: typecheck, lint, then every vitest project (unit + integration) in one run.
// Ends with the line `N passed, N failed[, N skipped]` counting tests plus the two checks.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const passthrough = process.argv.slice(2);

let current: ReturnType<typeof spawn> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exitCode = 130;
  });
}

function run(name: string, cmd: string, args: string[]): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  process.stdout.write(`\n[test] ${name}: ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    current = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    current.on('exit', (code) => {
      const ms = performance.now() - started;
      process.stdout.write(
        `[test] ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${(ms / 1000).toFixed(1)} s\n`,
      );
      resolve({ ok: code === 0, ms });
    });
  });
}

const checks: Array<[string, boolean]> = [];
if (passthrough.length === 0) {
  checks.push(['typecheck', (await run('typecheck', 'tsc', ['-p', 'tsconfig.json'])).ok]);
  checks.push(['lint', (await run('lint', 'pnpm', ['run', '--silent', 'lint'])).ok]);
}
const report = join(out, 'vitest.json');
rmSync(report, { force: true });
const vitest = await run('vitest', 'vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...passthrough,
]);

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numFailedTestSuites;
  skipped += r.numPendingTests + r.numTodoTests;
} else if (!vitest.ok) {
  failed += 1;
}
if (!vitest.ok && failed === 0) failed += 1; // vitest failed outside any test (e.g. global setup)
for (const [name, ok] of checks) {
  if (ok) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`[test] check failed: ${name}\n`);
  }
}
process.stdout.write(
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exitCode = failed > 0 || process.exitCode === 130 ? 1 : 0;
