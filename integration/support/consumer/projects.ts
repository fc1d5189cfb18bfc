// The consumer projects: a fresh directory outside the workspace per package manager, installed
// with what the READMEs' install lines say (our names replaced by the tarballs), then checked: no
// warning, `npm ls --all` clean, one copy of each OpenTelemetry package, nothing of ours fetched
// from the registry.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { InstallLine, Readme } from './readme-examples.ts';
import { specName } from './readme-examples.ts';
import { runCommand } from './run-command.ts';
import type { Toolchain } from './toolchain.ts';

export type PackageManager = 'npm' | 'pnpm';

/** One install command run in a consumer project. */
export interface InstallStep {
  command: string;
  code: number | null;
  ms: number;
  /** Lines that look like a warning, after the filter below. */
  warnings: string[];
  /** Notices the filter let through, with the reason. */
  filtered: string[];
  output: string;
}

/** A consumer project after its installs. */
export interface ConsumerProject {
  pm: PackageManager;
  dir: string;
  steps: InstallStep[];
}

/**
 * Install-script notices we accept: none. npm 11 and pnpm 10 name every dependency with an install
 * script until the user approves it; the ones we had (cpu-features, ssh2, protobufjs) came from
 * `testcontainers`, now an optional peer of @otel-xray/testing that only container mode needs.
 */
export const ACCEPTED_INSTALL_SCRIPT_NOTICE = new Set<string>();

const WARNING = /\bwarn(ing)?\b|ERESOLVE|\bpeer\b|deprecated|\bERR\b|npm error/i;

/** The install lines of all READMEs merged into one prod and one dev list, by package name. */
export function mergedInstalls(readmes: Readme[]): {
  prod: string[];
  dev: string[];
  conflicts: string[];
} {
  const chosen = new Map<string, { spec: string; dev: boolean; from: string }>();
  const conflicts: string[] = [];
  const lines: Array<[InstallLine, string]> = readmes.flatMap((r) =>
    r.installs.map((l): [InstallLine, string] => [l, r.path]),
  );
  for (const [line, from] of lines) {
    for (const spec of line.specs) {
      const name = specName(spec);
      const seen = chosen.get(name);
      if (seen && seen.spec !== spec)
        conflicts.push(`${name}: "${seen.spec}" in ${seen.from}, "${spec}" in ${from}`);
      // a package some README installs as a dependency stays one
      if (!seen || (seen.dev && !line.dev)) chosen.set(name, { spec, dev: line.dev, from });
    }
  }
  const all = [...chosen.values()];
  return {
    prod: all.filter((c) => !c.dev).map((c) => c.spec),
    dev: all.filter((c) => c.dev).map((c) => c.spec),
    conflicts,
  };
}

/** Options of {@link createProject}. */
export interface CreateProjectOptions {
  tools: Toolchain;
  dir: string;
  /** Our package names → tarball paths. */
  tarballs: Map<string, string>;
  prod: string[];
  dev: string[];
  /** Specs to use instead of what the README says (`vitest` → `vitest@4` in the npm project). */
  rewrite?: Record<string, string>;
  /** What the test itself needs, installed after the README lines (and checked the same way). */
  extras: string[];
}

/** Creates the project and runs its installs; returns each step, failed ones included. */
export async function createProject(
  pm: PackageManager,
  options: CreateProjectOptions,
): Promise<ConsumerProject> {
  const { tools, dir, tarballs } = options;
  mkdirSync(dir, { recursive: true });
  // Our packages depend on each other by name: both managers must take those from the tarballs,
  // never from the registry (where anyone could own the name). Relative specs, as npm saves the
  // direct dependencies: an override must equal the direct dependency's spec.
  const local = new Map([...tarballs].map(([name, path]) => [name, relative(dir, path)]));
  const overrides = Object.fromEntries([...local].map(([name, path]) => [name, `file:${path}`]));
  const manifest: Record<string, unknown> = {
    name: `otel-xray-consumer-${pm}`,
    private: true,
    type: 'module',
    ...(pm === 'npm' ? { overrides } : { pnpm: { overrides } }),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const resolve = (spec: string): string =>
    local.get(specName(spec)) ?? options.rewrite?.[spec] ?? spec;
  const steps: InstallStep[] = [];
  const groups: Array<[boolean, string[]]> = [
    [false, options.prod],
    [true, options.dev],
    [true, options.extras],
  ];
  for (const [dev, specs] of groups) {
    if (specs.length === 0) continue;
    const args =
      pm === 'npm'
        ? [
            'install',
            '--no-audit',
            '--no-fund',
            ...(dev ? ['--save-dev'] : []),
            ...specs.map(resolve),
          ]
        : ['add', ...(dev ? ['-D'] : []), ...specs.map(resolve)];
    const result = await runCommand(pm === 'npm' ? tools.npm : tools.pnpm, args, {
      cwd: dir,
      env: tools.env,
      timeoutMs: 150_000,
    });
    const output = result.stdout + result.stderr;
    steps.push({
      command: `${pm} ${args.join(' ')}`,
      code: result.code,
      ms: result.ms,
      output,
      ...installWarnings(output),
    });
    if (result.code !== 0) break;
  }
  return { pm, dir, steps };
}

/** Splits install output into warnings and the accepted install-script notices. */
export function installWarnings(output: string): { warnings: string[]; filtered: string[] } {
  const filtered: string[] = [];
  let text = output;
  // npm 11: `npm warn install-scripts` lines, one per package plus a header and a hint
  const npmNotice = output.split('\n').filter((l) => l.startsWith('npm warn install-scripts'));
  if (npmNotice.length > 0) {
    const names = npmNotice.flatMap((l) =>
      [...l.matchAll(/\s([@\w./-]+)@\d[^\s]* \(/g)].map((m) => m[1] ?? ''),
    );
    if (names.length > 0 && names.every((n) => ACCEPTED_INSTALL_SCRIPT_NOTICE.has(n))) {
      filtered.push(`npm install-scripts notice for ${names.join(', ')}`);
      text = text
        .split('\n')
        .filter((l) => !l.startsWith('npm warn install-scripts'))
        .join('\n');
    }
  }
  // pnpm 10: a boxed "Ignored build scripts: a@1, b@2. Run "pnpm approve-builds" …"
  const box = /╭ Warning ─+╮\n([^]*?)╰─+╯/.exec(text);
  if (box?.[1]) {
    const inner = box[1].replace(/[│\s]+/g, ' ');
    const listed = /Ignored build scripts: (.+?)\. Run "pnpm approve-builds"/.exec(inner)?.[1];
    const names = (listed ?? '').split(',').map((s) => s.trim().replace(/@[^@]+$/, ''));
    if (listed && names.every((n) => ACCEPTED_INSTALL_SCRIPT_NOTICE.has(n))) {
      filtered.push(`pnpm ignored-build-scripts notice for ${names.join(', ')}`);
      text = text.replace(box[0], '');
    }
  }
  const warnings = text.split('\n').filter((l) => WARNING.test(l));
  return { warnings, filtered };
}

/** Each `@opentelemetry/*` package installed more than once, with its copies. */
export function duplicateOpenTelemetry(project: ConsumerProject): string[] {
  const copies = new Map<string, string[]>();
  const add = (name: string, where: string): void => {
    copies.set(name, [...(copies.get(name) ?? []), where]);
  };
  if (project.pm === 'npm') {
    const lock = JSON.parse(readFileSync(join(project.dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = /node_modules\/(@opentelemetry\/[^/]+)$/.exec(path)?.[1];
      if (name) add(name, `${path}@${entry.version}`);
    }
  } else {
    // one folder per package, version and peer set: `@opentelemetry+core@3.0.0_@opentelemetry+api@1.10.0`
    for (const folder of readdirSync(join(project.dir, 'node_modules/.pnpm'))) {
      const name = /^@opentelemetry\+([^@]+)@/.exec(folder)?.[1];
      if (name) add(`@opentelemetry/${name}`, folder);
    }
  }
  return [...copies]
    .filter(([, where]) => where.length > 1)
    .map(([name, where]) => `${name}: ${where.join(', ')}`);
}

/** `@otel-xray/*` packages installed from anywhere but our tarballs. */
export function foreignOwnPackages(project: ConsumerProject): string[] {
  if (project.pm === 'npm') {
    const lock = JSON.parse(readFileSync(join(project.dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    return Object.entries(lock.packages)
      .filter(([path]) => /node_modules\/@otel-xray\/[^/]+$/.test(path))
      .filter(([, entry]) => !entry.resolved?.startsWith('file:'))
      .map(([path, entry]) => `${path} from ${entry.resolved}`);
  }
  const store = join(project.dir, 'node_modules/.pnpm');
  return readdirSync(store)
    .filter((f) => f.startsWith('@otel-xray+') && !f.includes('@file+'))
    .map((f) => `${f} (not from a tarball)`);
}

/** Every `@opentelemetry/*` package of the project with its version(s), for the log. */
export function openTelemetryVersions(project: ConsumerProject): string {
  const base = join(project.dir, 'node_modules/@opentelemetry');
  if (!existsSync(base)) return '';
  return readdirSync(base)
    .map((name) => {
      const pkg = JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')) as {
        version: string;
      };
      return `${name}@${pkg.version}`;
    })
    .join(' ');
}
