import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from './lambda-types.ts';

/**
 * Loads the handler named by a Lambda handler string (`dir/module.export.path`) the way the Node
 * runtime client does: `<task root>/<dir>/<module>` with no extension, `.js`, `.mjs`, `.cjs`, then
 * `require.resolve`; the export path is looked up in the module, then in its `default`.
 * Rejects with a clear error when the module or export is missing (Lambda reports it as an init error).
 */
export async function loadHandler(
  handlerString: string,
  taskRoot: string = process.env.LAMBDA_TASK_ROOT ?? process.cwd(),
): Promise<LambdaHandler> {
  const slash = handlerString.lastIndexOf('/');
  const moduleRoot = handlerString.slice(0, slash + 1);
  const moduleAndExport = handlerString.slice(slash + 1);
  const dot = moduleAndExport.indexOf('.');
  if (dot <= 0) throw new Error(`@otel-xray/lambda: bad handler "${handlerString}"`);
  const moduleName = moduleAndExport.slice(0, dot);
  const exportPath = moduleAndExport.slice(dot + 1);
  const base = resolve(taskRoot, moduleRoot, moduleName);
  let loaded: unknown;
  const file = ['', '.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => isFile(f));
  if (file !== undefined) loaded = await import(pathToFileURL(file).href);
  else {
    const require = createRequire(resolve(taskRoot, 'index.js'));
    loaded = require(
      require.resolve(moduleName, { paths: [taskRoot, resolve(taskRoot, moduleRoot)] }),
    );
  }
  const handler =
    lookUp(loaded, exportPath) ?? lookUp((loaded as { default?: unknown })?.default, exportPath);
  if (typeof handler !== 'function')
    throw new Error(`@otel-xray/lambda: ${handlerString} is undefined or not a function`);
  return handler as LambdaHandler;
}

function isFile(path: string): boolean {
  return existsSync(path) && !path.endsWith('/');
}

function lookUp(module: unknown, path: string): unknown {
  let value: unknown = module;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' && typeof value !== 'function') return undefined;
    if (value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
