import { diag } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { register } from 'node:module';
import {
  register as registerInThread,
  supportsSyncHooks,
} from 'import-in-the-middle/register-hooks.mjs';

const REGISTERED = Symbol.for('@otel-xray/node.esm-hook');

/**
 * Registers the ESM loader hook of import-in-the-middle once per process, so ES modules imported
 * from now on can be instrumented. Where Node runs it in-thread (`module.registerHooks`: 22.22.3+,
 * 24.11.1+, 26+) it intercepts only the modules the instrumentations patch — ≈ 10 ms instead of
 * the ≈ 50 ms of a loader thread that wraps every module; elsewhere it falls back to
 * `module.register('@opentelemetry/instrumentation/hook.mjs')`. Modules imported before it cannot
 * be instrumented; a failure is a `diag` warning that names the fix.
 */
export function registerEsmHook(instrumentations: readonly Instrumentation[]): boolean {
  const slot = globalThis as { [REGISTERED]?: boolean };
  if (slot[REGISTERED] === true) return true;
  try {
    if (supportsSyncHooks()) {
      const include = patchedModules(instrumentations);
      registerInThread(include === undefined ? undefined : { include });
    } else {
      register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
    }
    slot[REGISTERED] = true;
    return true;
  } catch (error) {
    diag.warn(
      '@otel-xray/node: cannot register the ESM loader hook, so ES modules (and node:http imported ' +
        'from them) are not instrumented; start with node --import @otel-xray/node/register',
      error,
    );
    return false;
  }
}

/**
 * The module names the instrumentations hook (their module definitions), or `undefined` — hook
 * everything — when one does not say. `_modules` is the base class's own list; an instrumentation
 * built otherwise has none, and then nothing is filtered.
 */
export function patchedModules(instrumentations: readonly Instrumentation[]): string[] | undefined {
  const names = new Set<string>();
  for (const instrumentation of instrumentations) {
    const modules = (instrumentation as { _modules?: unknown })._modules;
    if (!Array.isArray(modules)) return undefined;
    for (const module of modules as { name?: unknown }[]) {
      if (typeof module.name !== 'string') return undefined;
      names.add(module.name);
    }
  }
  return [...names];
}
