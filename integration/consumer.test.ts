// The packages as another team gets them: built, packed with `pnpm pack`, installed from the
// tarballs into two fresh projects outside the workspace (npm and pnpm) exactly as the READMEs'
// install lines say, and every README code block type-checked and run there — so a README that
// drifts from the code fails here. Also: ESM apps traced with `--import …/register` and with
// startTracing() from code (http and fetch, trace read back from a local X-Ray), the testing
// README's vitest example under vitest 4 and 5, and the install size of @otel-xray/node.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectExamples,
  typecheck,
  writeExamples,
  writeTsconfigs,
} from './support/consumer/examples.ts';
import { installSize, type InstallSize } from './support/consumer/install-size.ts';
import { buildAndPack, tarballProblems, type Tarball } from './support/consumer/pack.ts';
import {
  createProject,
  duplicateOpenTelemetry,
  foreignOwnPackages,
  mergedInstalls,
  openTelemetryVersions,
  type ConsumerProject,
  type PackageManager,
} from './support/consumer/projects.ts';
import { importedPackages, readReadme, specName } from './support/consumer/readme-examples.ts';
import { runCommand } from './support/consumer/run-command.ts';
import {
  runExample,
  startProjectXRay,
  userEnv,
  type ExampleRun,
  type ProjectXRay,
} from './support/consumer/run-examples.ts';
import { findToolchain } from './support/consumer/toolchain.ts';
import { tracedCallMatrix } from './support/consumer/traced-calls.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'support/consumer/fixtures');
const readmePaths = [
  'README.md',
  ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/README.md`),
];
const managers: PackageManager[] = ['npm', 'pnpm'];
/** The testing README says vitest 4 and 5: the npm project gets 4, the pnpm project the latest. */
const vitestMajor: Record<PackageManager, number> = { npm: 4, pnpm: 5 };
/** Separate LocalStack namespaces, so the two projects' examples never read each other's queues. */
const region: Record<PackageManager, string> = { npm: 'us-east-1', pnpm: 'eu-west-1' };

const phases: Array<[string, number]> = [];
function log(text: string): void {
  process.stderr.write(`[consumer] ${text}\n`);
}
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    const ms = performance.now() - started;
    phases.push([name, ms]);
    log(`${name}: ${(ms / 1000).toFixed(1)} s`);
  }
}

describe('the packages installed from their tarballs in projects outside the workspace', () => {
  const tools = findToolchain(root);
  const work = mkdtempSync(join(tmpdir(), 'otel-xray-consumer-'));
  const readmes = readmePaths.map((p) => readReadme(join(root, p), root));
  const { examples, skipped } = collectExamples(readmes);
  const installs = mergedInstalls(readmes);
  const projects = new Map<PackageManager, ConsumerProject>();
  const xrays = new Map<PackageManager, ProjectXRay>();
  let tarballs: Tarball[] = [];
  let size: Promise<InstallSize> | undefined;
  const started = performance.now();

  const project = (pm: PackageManager): ConsumerProject => {
    const found = projects.get(pm);
    if (!found) throw new Error(`the ${pm} project was not installed`);
    return found;
  };
  const xray = async (pm: PackageManager): Promise<ProjectXRay> => {
    const running = xrays.get(pm) ?? (await startProjectXRay(tools, project(pm).dir));
    xrays.set(pm, running);
    return running;
  };

  beforeAll(async () => {
    log(`work directory ${work}`);
    tarballs = await phase('build + pack', () => buildAndPack(tools, join(work, 'tarballs')));
    const byName = new Map(tarballs.map((t) => [t.name, t.path]));
    // measured beside the installs below: it only waits for the network and the disk
    size = phase('install size of @otel-xray/node', () =>
      installSize(tools, join(work, 'size'), '@otel-xray/node', byName),
    );
    size.catch(() => undefined);
    await phase('install (npm ‖ pnpm)', () =>
      Promise.all(
        managers.map(async (pm) => {
          const created = await createProject(pm, {
            tools,
            dir: join(work, pm),
            tarballs: byName,
            prod: installs.prod,
            dev: installs.dev,
            rewrite: { vitest: `vitest@${vitestMajor[pm]}` },
            extras: ['@types/node@^24'],
          });
          projects.set(pm, created);
          writeExamples(created.dir, examples, join(fixtures, 'examples'));
          writeTsconfigs(created.dir);
          cpSync(join(fixtures, 'esm'), join(created.dir, 'esm'), { recursive: true });
        }),
      ),
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...xrays.values()].map((x) => x.service.stop()));
    if (process.env.OTEL_XRAY_CONSUMER_KEEP) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    const total = (performance.now() - started) / 1000;
    log(`phases: ${phases.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(' · ')}`);
    log(`total ${total.toFixed(1)} s`);
  });

  it('packs every package with LICENSE, README.md, dist/ and every manifest target inside', () => {
    const ours = new Set(tarballs.map((t) => t.name));
    expect(tarballs.map((t) => t.name).sort()).toEqual(
      readmePaths
        .slice(1)
        .map((p) => `@otel-xray/${p.split('/')[1]}`)
        .sort(),
    );
    const problems = Object.fromEntries(tarballs.map((t) => [t.name, tarballProblems(t, ours)]));
    expect(problems).toEqual(Object.fromEntries(tarballs.map((t) => [t.name, []])));
  });

  it("lists every package a README's examples import in that README's install lines", () => {
    const missing: string[] = [];
    for (const readme of readmes) {
      const installed = new Set(readme.installs.flatMap((l) => l.specs.map(specName)));
      for (const block of readme.blocks) {
        for (const name of importedPackages(block.code)) {
          if (!installed.has(name)) missing.push(`${readme.path}:${block.line} imports ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(installs.conflicts, 'READMEs install one package at different versions').toEqual([]);
  });

  it('installs the README lines with npm and pnpm: no warning, npm ls clean, one copy of each OpenTelemetry package', async () => {
    for (const pm of managers) {
      const { steps } = project(pm);
      for (const step of steps) {
        log(
          `${step.command.replaceAll(work, '$WORK')}: exit ${step.code}, ${(step.ms / 1000).toFixed(1)} s`,
        );
        log(`  warnings: ${step.warnings.length === 0 ? 'none' : step.warnings.join(' | ')}`);
        if (step.filtered.length > 0) log(`  accepted: ${step.filtered.join('; ')}`);
        expect(step.code, `${step.command}\n${step.output}`).toBe(0);
        expect(step.warnings, step.command).toEqual([]);
      }
      expect(duplicateOpenTelemetry(project(pm)), `${pm}: OpenTelemetry installed twice`).toEqual(
        [],
      );
      expect(foreignOwnPackages(project(pm)), `${pm}: our names from the registry`).toEqual([]);
      log(`${pm} @opentelemetry/*: ${openTelemetryVersions(project(pm))}`);
    }
    const ls = await runCommand(tools.npm, ['ls', '--all'], {
      cwd: project('npm').dir,
      env: tools.env,
    });
    expect(ls.code, `npm ls --all\n${ls.stdout}${ls.stderr}`).toBe(0);
  });

  it('type-checks every README example under nodenext and bundler, strict with exactOptionalPropertyTypes', async () => {
    const runs = await phase('typecheck (2 projects × 2 configs)', () =>
      Promise.all(
        managers.flatMap((pm) =>
          ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map(async (config) => ({
            name: `${pm} ${config}`,
            ...(await typecheck(tools, project(pm).dir, config, examples)),
          })),
        ),
      ),
    );
    for (const run of runs) {
      expect(run.errors, run.name).toEqual([]);
      expect(run.result.code, `${run.name}\n${run.result.stdout}`).toBe(0);
    }
  }, 180_000);

  it('runs every README example with node: exit 0, and what it prints or traces', async () => {
    const runnable = examples.filter((e) => e.kind === 'node');
    const results = await phase('README examples (npm ‖ pnpm)', () =>
      Promise.all(
        managers.map(async (pm) => {
          const env = userEnv(tools, await xray(pm), region[pm]);
          const out: Array<ExampleRun & { pm: string }> = [];
          // one at a time per project: `traces` counts the documents its own X-Ray received
          for (const example of runnable) {
            out.push({
              pm,
              ...(await runExample(tools, project(pm).dir, example, env, await xray(pm))),
            });
          }
          return out;
        }),
      ),
    );
    const blocks = readmes.flatMap((r) => r.blocks).length;
    const inFiles = blocks - runnable.length - skipped.length;
    log(
      `README blocks: ${blocks} — ${runnable.length} run with node, ${inFiles} in the multi-file ` +
        `vitest example, ${skipped.length} not runnable` +
        skipped.map((s) => `\n  skipped ${s.where}: ${s.reason}`).join(''),
    );
    for (const run of results.flat()) {
      const verdict = run.problems.length ? run.problems.join('; ') : 'ok';
      const printed = run.output.split('\n')[0]?.slice(0, 80) ?? '';
      log(
        `${run.pm} ${run.id}: ${verdict} (${Math.round(run.ms)} ms)${printed ? ` → ${printed}` : ''}`,
      );
    }
    const failures = results
      .flat()
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.pm} ${r.id} (${r.readme}): ${r.problems.join('; ')}\n${r.output}`);
    expect(failures).toEqual([]);
  }, 180_000);

  it('traces http and fetch calls of an app started with register (lean, otel) and from code (ESM, CommonJS)', async () => {
    const matrix = await phase('traced-call matrix (npm ‖ pnpm)', () =>
      Promise.all(
        managers.map(async (pm) => {
          const running = await xray(pm);
          const cells = await tracedCallMatrix(
            tools,
            project(pm).dir,
            running,
            userEnv(tools, running, region[pm]),
          );
          return cells.map((cell) => ({ pm, ...cell }));
        }),
      ),
    );
    log('traced-call matrix (downstream segment under the caller’s subsegment, same trace):');
    for (const pm of managers) {
      const row = (mode: string): string =>
        ['http', 'fetch']
          .map((call) => {
            const cell = matrix
              .flat()
              .find((c) => c.pm === pm && c.mode === mode && c.call === call);
            return `${call} ${cell?.traced ? 'traced' : 'NOT traced'}`;
          })
          .join(', ');
      log(
        `  ${pm}: register: ${row('register')} | register (otel): ${row('register (otel)')} | ` +
          `from code: ${row('from code')} | from code (CommonJS): ${row('from code (CommonJS)')}`,
      );
    }
    const untraced = matrix
      .flat()
      .filter((c) => !c.traced)
      .map((c) => `${c.pm} ${c.mode} × ${c.call}: ${c.detail}`);
    expect(untraced).toEqual([]);
  }, 120_000);

  it("runs the testing README's vitest example with vitest 4 (npm) and vitest 5 (pnpm)", async () => {
    const example = examples.find((e) => e.kind === 'vitest');
    expect(example, 'the testing README has no multi-file vitest example').toBeDefined();
    if (!example) return;
    const runs = await phase('vitest example (npm ‖ pnpm)', () =>
      Promise.all(
        managers.map(async (pm) => {
          const dir = project(pm).dir;
          const vitest = JSON.parse(
            readFileSync(join(dir, 'node_modules/vitest/package.json'), 'utf8'),
          ) as { version: string };
          const env = {
            ...userEnv(tools, await xray(pm), region[pm]),
            ORDERS_TOPIC: `consumer-${pm}-${Date.now().toString(36)}`,
            NO_COLOR: '1',
          };
          const result = await runCommand(
            tools.node,
            [join(dir, 'node_modules/vitest/vitest.mjs'), 'run'],
            { cwd: join(dir, 'examples', example.id), env, timeoutMs: 120_000 },
          );
          return { pm, version: vitest.version, result };
        }),
      ),
    );
    const tests = [...example.files]
      .filter(([file]) => /\.test\.[cm]?[jt]s$/.test(file))
      .reduce((n, [, code]) => n + (code.match(/^\s*(it|test)\(/gm)?.length ?? 0), 0);
    for (const { pm, version, result } of runs) {
      // eslint-disable-next-line no-control-regex
      const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
      log(`${pm} vitest ${version}: exit ${result.code}, ${(result.ms / 1000).toFixed(1)} s`);
      expect(Number(version.split('.')[0]), `${pm} vitest version`).toBe(vitestMajor[pm]);
      expect(result.code, `${pm} vitest ${version}\n${output}`).toBe(0);
      expect(output, `${pm}: all ${tests} tests of the example pass`).toMatch(
        new RegExp(`Tests\\s+${tests} passed`),
      );
    }
  }, 180_000);

  it('reports the install size of @otel-xray/node alone', async () => {
    const measured = await size;
    expect(measured).toBeDefined();
    if (!measured) return;
    log(
      `@otel-xray/node alone (npm install of its tarball): ${measured.packages} packages, ${measured.megabytes.toFixed(1)} MB`,
    );
    expect(measured.warnings).toBe('');
  });
});
