// What the consumer test takes from the READMEs: the install lines (```sh / ```bash lines starting
// with `npm install`, `npm i` or `pnpm add`) and every ```ts / ```js / ```typescript / ```javascript
// block, with the `<!-- example: … -->` comment right before it (blank lines allowed between):
//
//   not runnable (why)        skipped, and counted with the reason
//   prints /regex/flags       its stdout must match
//   traces                    the local X-Ray must receive documents while it runs
//   without AWS credentials   runs with no AWS credentials anywhere in reach
//   node <args>               extra node arguments before the file (e.g. --import …)
//
// items separated by `;`. A block whose first line is `// name.ext` is a file of a multi-file
// example (`// name.ext (continued)` appends to it); a `*.test.ts` file makes it a vitest example.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** One install command from a README. */
export interface InstallLine {
  /** The line as written. */
  text: string;
  dev: boolean;
  /** Package specs as written (`@otel-xray/node`, `@opentelemetry/sdk-trace@3.0.0`, `vitest`). */
  specs: string[];
}

/** What the `<!-- example: … -->` comment before a block says. */
export interface ExampleDirective {
  notRunnable?: string;
  prints?: RegExp;
  traces: boolean;
  withoutAwsCredentials: boolean;
  nodeArgs: string[];
}

/** One code block of a README. */
export interface CodeBlock {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based position among the README's code blocks. */
  index: number;
  /** Line of the opening fence (1-based). */
  line: number;
  lang: 'ts' | 'js';
  code: string;
  directive: ExampleDirective;
  /** Set when the block is a named file of a multi-file example. */
  file?: { name: string; continued: boolean };
}

/** A README's install lines and code blocks. */
export interface Readme {
  path: string;
  installs: InstallLine[];
  blocks: CodeBlock[];
}

const FENCE = /^```(\w*)\s*$/;
const LANGS: Record<string, 'ts' | 'js'> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
};

/** Reads one README. */
export function readReadme(path: string, root: string): Readme {
  const lines = readFileSync(path, 'utf8').split('\n');
  const readme: Readme = { path: relative(root, path), installs: [], blocks: [] };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${readme.path}:${i + 1}: unclosed code fence`);
    const body = lines.slice(i + 1, end);
    const lang = open[1] ?? '';
    if (lang === 'sh' || lang === 'bash') readme.installs.push(...installLines(body));
    const kind = LANGS[lang];
    if (kind) {
      const code = `${body.join('\n')}\n`;
      const fileMatch = /^\/\/ ([\w.-]+\.(?:ts|js|mjs))( \(continued\))?/.exec(body[0] ?? '');
      readme.blocks.push({
        readme: readme.path,
        index: readme.blocks.length + 1,
        line: i + 1,
        lang: kind,
        code,
        directive: parseDirective(commentBefore(lines, i)),
        ...(fileMatch?.[1]
          ? { file: { name: fileMatch[1], continued: fileMatch[2] !== undefined } }
          : {}),
      });
    }
    i = end;
  }
  return readme;
}

function commentBefore(lines: string[], fence: number): string {
  let j = fence - 1;
  while (j >= 0 && (lines[j] ?? '').trim() === '') j--;
  const match = /^<!-- example: (.*) -->$/.exec((lines[j] ?? '').trim());
  return match?.[1] ?? '';
}

/** Parses the items of an `<!-- example: … -->` comment. */
export function parseDirective(text: string): ExampleDirective {
  const directive: ExampleDirective = { traces: false, withoutAwsCredentials: false, nodeArgs: [] };
  // a `;` inside the regex of `prints` must not split it: take `prints /…/flags` out first
  const prints = /prints \/(.+)\/([a-z]*)(?=;|$)/.exec(text);
  if (prints?.[1]) directive.prints = new RegExp(prints[1], prints[2]);
  const rest = prints ? text.replace(prints[0], '') : text;
  for (const item of rest.split(';').map((s) => s.trim())) {
    if (item === '') continue;
    if (item.startsWith('not runnable')) directive.notRunnable = item.slice(12).trim() || 'unsaid';
    else if (item === 'traces') directive.traces = true;
    else if (item === 'without AWS credentials') directive.withoutAwsCredentials = true;
    else if (item.startsWith('node ')) directive.nodeArgs = item.slice(5).trim().split(/\s+/);
    else throw new Error(`unknown example directive "${item}"`);
  }
  return directive;
}

function installLines(body: string[]): InstallLine[] {
  const out: InstallLine[] = [];
  for (const raw of body) {
    const text = raw.replace(/\s#.*$/, '').trim();
    for (const command of text.split(/\s*(?:&&|;)\s*/)) {
      const words = command.split(/\s+/);
      const [tool, verb] = words;
      const isInstall =
        (tool === 'npm' && (verb === 'install' || verb === 'i')) ||
        (tool === 'pnpm' && verb === 'add');
      if (!isInstall) continue;
      const args = words.slice(2);
      out.push({
        text: command,
        dev: args.some((a) => a === '-D' || a === '--save-dev'),
        specs: args.filter((a) => !a.startsWith('-')),
      });
    }
  }
  return out;
}

/** Package name of a spec as written (`@scope/name@1.2.3` → `@scope/name`, `vitest@4` → `vitest`). */
export function specName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}

/** Bare module specifiers a block imports, as package names (`vitest/config` → `vitest`). */
export function importedPackages(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const spec = match[1] ?? '';
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
    }
  }
  return [...found].sort();
}
