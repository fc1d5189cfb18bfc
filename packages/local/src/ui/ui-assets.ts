// Files behind the UI's URLs. The browser code is TypeScript (typechecked and linted with the rest
// of the package); a browser cannot load .ts, so in a source checkout each module is served with
// its types stripped by Node's `module.stripTypeScriptTypes` (strip mode keeps every line and
// column, so browser stack traces point at the real source). In a built package (`dist/ui`), the
// compiled .js sibling is served instead. HTML and CSS live in `src/ui/static`, which ships with
// the package; dagre comes from node_modules. Nothing is fetched from outside the server.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, stripTypeScriptTypes } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file ready to send. */
export interface UiAsset {
  body: string;
  contentType: string;
}

/** Where the UI's files are. */
export interface UiRoots {
  /** Folder holding `app/` and `lib/` (src/ui, or dist/ui in a build). */
  code: string;
  /** Folder holding index.html and styles.css. */
  static: string;
  /** URL path under /ui/vendor/ → absolute file path. */
  vendor: Record<string, string>;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * Strips TypeScript types. Node flags `stripTypeScriptTypes` as experimental and says so once per
 * process on stderr; that notice is about our implementation, not the user's program, so it is
 * dropped for the duration of this synchronous call (and only that notice).
 */
function stripTypes(source: string): string {
  const saved = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  const forward = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
    if (!String(warning).includes('stripTypeScriptTypes')) forward(warning, ...rest);
  };
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    if (saved === undefined) Reflect.deleteProperty(process, 'emitWarning');
    else Object.defineProperty(process, 'emitWarning', saved);
  }
}

/** The roots next to this module, for source and built layouts alike. */
export function defaultUiRoots(): UiRoots {
  const code = dirname(fileURLToPath(import.meta.url));
  const beside = join(code, 'static');
  const shipped = join(code, '..', '..', 'src', 'ui', 'static');
  const require = createRequire(import.meta.url);
  const dagreDir = dirname(require.resolve('@dagrejs/dagre/package.json'));
  return {
    code,
    static: existsSync(beside) ? beside : shipped,
    vendor: { 'dagre.esm.js': join(dagreDir, 'dist', 'dagre.esm.js') },
  };
}

/** Maps URL paths to files; anything not listed gives undefined (the caller answers 404). */
export function createUiAssets(roots: UiRoots): { get(path: string): UiAsset | undefined } {
  const cache = new Map<string, { mtimeMs: number; asset: UiAsset }>();
  const load = (file: string, strip: boolean, type: string): UiAsset | undefined => {
    try {
      const { mtimeMs } = statSync(file);
      const hit = cache.get(file);
      if (hit !== undefined && hit.mtimeMs === mtimeMs) return hit.asset;
      const text = readFileSync(file, 'utf8');
      const body = strip ? stripTypes(text) : text;
      const asset = { body, contentType: TYPES[type] ?? 'application/octet-stream' };
      cache.set(file, { mtimeMs, asset });
      return asset;
    } catch {
      // Missing, unreadable, or (while editing) not strippable: the caller answers 404.
      return undefined;
    }
  };
  return {
    get(path: string): UiAsset | undefined {
      if (path === '/' || path === '/ui' || path === '/ui/' || path === '/ui/index.html') {
        return load(join(roots.static, 'index.html'), false, 'html');
      }
      const code = /^\/ui\/(app|lib)\/([a-z0-9-]+)\.(?:ts|js)$/.exec(path);
      if (code !== null) {
        const base = join(roots.code, code[1] ?? '', code[2] ?? '');
        return load(`${base}.js`, false, 'js') ?? load(`${base}.ts`, true, 'js');
      }
      const vendor = /^\/ui\/vendor\/([a-z0-9.-]+)$/.exec(path)?.[1];
      const vendorFile = vendor === undefined ? undefined : roots.vendor[vendor];
      if (vendorFile !== undefined) return load(vendorFile, false, 'js');
      const file = /^\/ui\/([a-z0-9-]+)\.(css|svg)$/.exec(path);
      if (file !== null)
        return load(join(roots.static, `${file[1]}.${file[2]}`), false, file[2] ?? '');
      return undefined;
    },
  };
}
