import { diag } from '@opentelemetry/api';
import { register } from 'node:module';

const REGISTERED = Symbol.for('@otel-xray/node.esm-hook');

/**
 * Registers OpenTelemetry's ESM loader hook (`@opentelemetry/instrumentation/hook.mjs`, through
 * `module.register`) once per process, so ES modules imported from now on can be instrumented.
 * Modules imported before it cannot be; a failure is a `diag` warning that names the fix.
 */
export function registerEsmHook(): boolean {
  const slot = globalThis as { [REGISTERED]?: boolean };
  if (slot[REGISTERED] === true) return true;
  try {
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
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
