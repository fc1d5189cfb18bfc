// README code blocks as files of a consumer project: one directory per example (a block, or the
// named files of a multi-file example), type-checked by tsc under two configurations and run by
// node as a user would run them.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeBlock, ExampleDirective, Readme } from './readme-examples.ts';
import { runCommand, type CommandResult } from './run-command.ts';
import type { Toolchain } from './toolchain.ts';

/** One example as it is written into a project. */
export interface Example {
  /** Directory name under `examples/` (`node-2`, `testing-files`). */
  id: string;
  readme: string;
  /** `node`: run `entry` with node; `vitest`: run vitest in its directory. */
  kind: 'node' | 'vitest';
  /** File name → contents. */
  files: Map<string, string>;
  /** Run by node (node examples). */
  entry: string;
  directive: ExampleDirective;
  /** Where each file's lines come from: file → the blocks it was made of, in order. */
  origins: Map<string, Origin[]>;
}

/** One block's place in an example file: its first line there, and its README fence. */
export interface Origin {
  /** 1-based line of the file where the block's code starts. */
  start: number;
  readme: string;
  /** 1-based line of the block's opening fence in the README. */
  fence: number;
}

/** A block that is not run, with the README's reason. */
export interface SkippedBlock {
  where: string;
  reason: string;
}

/** Groups every README's blocks into examples; blocks marked not runnable are skipped. */
export function collectExamples(readmes: Readme[]): {
  examples: Example[];
  skipped: SkippedBlock[];
} {
  const examples: Example[] = [];
  const skipped: SkippedBlock[] = [];
  for (const readme of readmes) {
    const name = readme.path === 'README.md' ? 'root' : (readme.path.split('/')[1] ?? readme.path);
    let multi: Example | undefined;
    for (const block of readme.blocks) {
      const where = `${readme.path}:${block.line}`;
      if (block.directive.notRunnable !== undefined) {
        skipped.push({ where, reason: block.directive.notRunnable });
        continue;
      }
      if (block.file) {
        multi ??= newExample(`${name}-files`, readme.path, 'vitest', block);
        addFile(multi, block, where);
        continue;
      }
      const entry = block.lang === 'ts' ? 'example.ts' : 'example.mjs';
      const example = newExample(`${name}-${block.index}`, readme.path, 'node', block, entry);
      example.files.set(entry, block.code);
      example.origins.set(entry, [{ start: 1, readme: readme.path, fence: block.line }]);
      examples.push(example);
    }
    if (multi) {
      if (![...multi.files.keys()].some((f) => /\.test\.[cm]?[jt]s$/.test(f)))
        throw new Error(`${readme.path}: named files but no *.test.* file among them`);
      examples.push(multi);
    }
  }
  return { examples, skipped };
}

function newExample(
  id: string,
  readme: string,
  kind: Example['kind'],
  block: CodeBlock,
  entry = '',
): Example {
  return {
    id,
    readme,
    kind,
    files: new Map(),
    entry,
    directive: block.directive,
    origins: new Map(),
  };
}

function addFile(example: Example, block: CodeBlock, where: string): void {
  const file = block.file;
  if (!file) return;
  const before = example.files.get(file.name);
  if (file.continued && before === undefined)
    throw new Error(`${where}: "${file.name} (continued)" before ${file.name} itself`);
  if (!file.continued && before !== undefined) throw new Error(`${where}: ${file.name} twice`);
  example.files.set(file.name, before === undefined ? block.code : `${before}\n${block.code}`);
  const start = before === undefined ? 1 : before.split('\n').length + 1;
  const origin = { start, readme: block.readme, fence: block.line };
  example.origins.set(file.name, [...(example.origins.get(file.name) ?? []), origin]);
}

/** `README.md:line` of line `line` of an example's file (undefined when unknown). */
export function readmeLine(example: Example, file: string, line: number): string | undefined {
  const origin = (example.origins.get(file) ?? []).filter((o) => o.start <= line).at(-1);
  return origin && `${origin.readme}:${origin.fence + line - origin.start + 1}`;
}

/**
 * Writes the examples under `<project>/examples/<id>/`, each with a copy of `fixtures` — the
 * user's own code the examples refer to (`./app.js`, the services a test starts).
 */
export function writeExamples(projectDir: string, examples: Example[], fixtures: string): void {
  for (const example of examples) {
    const dir = join(projectDir, 'examples', example.id);
    mkdirSync(dir, { recursive: true });
    for (const fixture of readdirSync(fixtures))
      cpSync(join(fixtures, fixture), join(dir, fixture));
    for (const [file, code] of example.files) writeFileSync(join(dir, file), code);
  }
}

/** The two compiler set-ups every example must pass, both strict with exact optional properties. */
export const TSCONFIGS = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const;

/** Writes `tsconfig.<name>.json` for each set-up into the project; returns their file names. */
export function writeTsconfigs(projectDir: string): string[] {
  return Object.entries(TSCONFIGS).map(([name, resolution]) => {
    const file = `tsconfig.${name}.json`;
    const config = {
      compilerOptions: {
        ...resolution,
        target: 'es2023',
        lib: ['es2023'],
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        // what Node's type stripping needs: type-only imports spelled as such, no enums
        verbatimModuleSyntax: true,
        erasableSyntaxOnly: true,
        // the user's own JavaScript the examples import (./app.js)
        allowJs: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['examples'],
    };
    writeFileSync(join(projectDir, file), `${JSON.stringify(config, null, 2)}\n`);
    return file;
  });
}

/** Runs tsc with one config; returns its diagnostics with each file's README origin appended. */
export async function typecheck(
  tools: Toolchain,
  projectDir: string,
  config: string,
  examples: Example[],
): Promise<{ result: CommandResult; errors: string[] }> {
  const result = await runCommand(tools.node, [tools.tsc, '-p', config, '--pretty', 'false'], {
    cwd: projectDir,
    env: tools.env,
    timeoutMs: 120_000,
  });
  const origin = (line: string): string => {
    const file = /^examples\/([^/]+)\/([^(]+)\((\d+),/.exec(line);
    const example = examples.find((e) => e.id === file?.[1]);
    const from = example && file?.[2] ? readmeLine(example, file[2], Number(file[3])) : undefined;
    return from ? `${line}   [${from}]` : line;
  };
  const errors = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((l) => /error TS\d+/.test(l))
    .map(origin);
  return { result, errors };
}
