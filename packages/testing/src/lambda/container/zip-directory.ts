// A function's code directory as Lambda's zip: every regular file under it, sorted, so the same
// tree gives the same bytes. node_modules is left out: it is the workspace's symlinked tree, which
// a Lambda container cannot resolve — a function's dependencies must be bundled into the
// directory (or a layer) first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipFiles, type ZipEntry } from './zip-files.ts';

/** Directory names never zipped. */
const SKIPPED = new Set(['node_modules', '.git']);

/** The entries of `root` (relative `/` paths, sorted; symlinks and skipped directories left out). */
export function directoryEntries(root: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const walk = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory() && !SKIPPED.has(item.name)) walk(path);
      else if (item.isFile())
        entries.push({ path: relative(root, path).split(sep).join('/'), data: readFileSync(path) });
    }
  };
  walk(root);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `root` zipped (see {@link directoryEntries}). */
export function zipDirectory(root: string): Buffer {
  return zipFiles(directoryEntries(root));
}
